/// One record of a CSV file: its fields and the physical line it starts on, counting from 1.
struct CSVRecord: Equatable {
    var line: Int
    var fields: [String]
}

/// The problems that stop a CSV file from being read at all.
struct CSVSyntaxError: Error {
    var problems: ProblemList
}

/// Splits a CSV file as RFC 4180 describes it: comma-separated fields, quoted fields with commas,
/// doubled quotes and line breaks in them, and CRLF or LF line breaks.
///
/// Beyond RFC 4180 it skips a UTF-8 byte order mark, blank lines and lines starting with `#`, and takes
/// a quote inside an unquoted field as a plain character. Lines count physically, so a quoted field
/// over two lines moves the records after it down by one.
struct CSVParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// Splits the file into records.
    /// - Throws: Each line that is not UTF-8, or else the first quoting mistake.
    static func records(of file: [UInt8]) throws(CSVSyntaxError) -> [CSVRecord] {
        let bytes = file.starts(with: byteOrderMark) ? Array(file.dropFirst(byteOrderMark.count)) : file
        var problems = ProblemList()
        let lines = bytes.split(separator: lineFeed, omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where String(validating: line, as: UTF8.self) == nil {
            problems.add(line: offset + 1, field: nil, "the line is not valid UTF-8. Save the file as UTF-8 and import it again.")
        }
        guard problems.isEmpty else {
            throw CSVSyntaxError(problems: problems)
        }

        var parser = CSVParser(bytes: bytes)
        return try parser.parseRecords()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseRecords() throws(CSVSyntaxError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while index < bytes.count {
            if bytes[index] == hash || atLineBreak {
                skipLine()
                continue
            }

            let start = line
            var fields = [try parseField()]
            while index < bytes.count, bytes[index] == comma {
                index += 1
                fields.append(try parseField())
            }
            skipLineBreak()

            let isBlank = fields.count == 1 && fields[0].allSatisfy { $0 == " " || $0 == "\t" }
            if !isBlank {
                records.append(CSVRecord(line: start, fields: fields))
            }
        }
        return records
    }

    /// Reads one field and stops before the comma or line break after it.
    private mutating func parseField() throws(CSVSyntaxError) -> String {
        guard index < bytes.count, bytes[index] == quote else {
            let start = index
            while index < bytes.count, bytes[index] != comma, !atLineBreak {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        let openingLine = line
        index += 1
        var field: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw syntaxError(
                    line: openingLine,
                    "the quoted field that starts on this line has no closing quote. "
                        + "Add the closing \" and double each \" inside the field."
                )
            }
            let byte = bytes[index]
            index += 1
            if byte == quote {
                guard index < bytes.count, bytes[index] == quote else {
                    break
                }
                index += 1
            } else if byte == lineFeed {
                line += 1
            }
            field.append(byte)
        }

        guard index == bytes.count || bytes[index] == comma || atLineBreak else {
            throw syntaxError(
                line: line,
                "a quoted field goes on after its closing quote. Double each \" inside the quotes, as \"\"."
            )
        }
        return String(decoding: field, as: UTF8.self)
    }

    /// True at an LF, or at a CR followed by LF.
    private var atLineBreak: Bool {
        guard index < bytes.count else {
            return false
        }
        return bytes[index] == lineFeed
            || (bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed)
    }

    private mutating func skipLineBreak() {
        if index < bytes.count, bytes[index] == carriageReturn {
            index += 1
        }
        if index < bytes.count, bytes[index] == lineFeed {
            index += 1
            line += 1
        }
    }

    private mutating func skipLine() {
        while index < bytes.count, bytes[index] != lineFeed {
            index += 1
        }
        if index < bytes.count {
            index += 1
            line += 1
        }
    }

    private func syntaxError(line: Int, _ message: String) -> CSVSyntaxError {
        var problems = ProblemList()
        problems.add(line: line, field: nil, message)
        return CSVSyntaxError(problems: problems)
    }
}

private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let hash = UInt8(ascii: "#")
