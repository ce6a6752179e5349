import Foundation

/// The rows of a CSV file under its header row, with values found by column name.
///
/// Column names compare case-insensitively, with spaces and hyphens counting as underscores, so
/// `First Name`, `first-name` and `FIRST_NAME` are one column. The columns may come in any order.
struct CSVTable {
    /// A row whose values are trimmed of surrounding white space and line breaks.
    struct Row {
        var line: Int
        private var values: [String: String]

        init(line: Int, values: [String: String]) {
            self.line = line
            self.values = values
        }

        /// Returns the value in the column, or "" when the file has no such column.
        subscript(column: String) -> String {
            values[column] ?? ""
        }
    }

    var rows: [Row] = []

    /// Reads the header row and the rows under it.
    /// - Parameters:
    ///   - known: Every column the file may have, in the order error messages list them.
    ///   - required: The columns the file must have.
    /// - Throws: Each problem with the header, and each row with another number of fields than the header.
    init(records: [CSVRecord], known: [String], required: [String]) throws(CSVSyntaxError) {
        var problems = ProblemList()
        guard let header = records.first else {
            problems.add(line: nil, field: nil, "the file has no header row. Start it with a row naming the columns: \(known.joined(separator: ", ")).")
            throw CSVSyntaxError(problems: problems)
        }

        let columns = header.fields.map(CSVTable.normalisedColumn)
        for (position, column) in columns.enumerated() {
            if !known.contains(column) {
                problems.add(line: header.line, field: nil, "unknown column \"\(header.fields[position])\". Use only these columns: \(known.joined(separator: ", ")).")
            } else if columns[..<position].contains(column) {
                problems.add(line: header.line, field: nil, "the column \(column) appears twice. Remove one of them.")
            }
        }
        for column in required where !columns.contains(column) {
            problems.add(line: header.line, field: nil, "the column \(column) is missing. Add it; these columns are required: \(required.joined(separator: ", ")).")
        }
        guard problems.isEmpty else {
            throw CSVSyntaxError(problems: problems)
        }

        for record in records.dropFirst() {
            if record.fields.allSatisfy({ CSVTable.trimmed($0).isEmpty }) {
                continue
            }
            guard record.fields.count == columns.count else {
                problems.add(line: record.line, field: nil, "the row has \(record.fields.count) fields, but the header names \(columns.count) columns. Check for a missing or extra comma, and quote values that contain commas.")
                continue
            }
            let values = Dictionary(uniqueKeysWithValues: zip(columns, record.fields.map(CSVTable.trimmed)))
            rows.append(Row(line: record.line, values: values))
        }
        guard problems.isEmpty else {
            throw CSVSyntaxError(problems: problems)
        }
    }

    /// Lower-cases a column name and turns spaces and hyphens into underscores.
    static func normalisedColumn(_ name: String) -> String {
        String(CSVTable.trimmed(name).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    static func trimmed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
