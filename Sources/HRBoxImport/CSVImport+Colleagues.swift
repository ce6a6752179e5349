import HRBoxProtocol
import HRBoxStore
import MailReading

extension CSVImport {
    /// Imports `colleagues.csv`: columns `id`, `name` and optionally `address`. A row adds the
    /// colleague with its id, or replaces the name and address of the colleague who has it.
    public static func importColleagues(from path: String, into store: Store) throws(ImportError) -> ImportSummary {
        try run(path: path, known: ["id", "name", "address"], required: ["id", "name"], into: store) {
            (rows, problems) throws(StoreError) -> ImportSummary in
            var summary = ImportSummary()
            var lineOfId: [String: Int] = [:]

            for row in rows {
                guard let colleague = colleague(from: row, lineOfId: &lineOfId, problems: &problems) else {
                    continue
                }
                do throws(StoreError) {
                    let existing = try store.colleague(id: colleague.id)
                    if existing == colleague {
                        summary.unchanged += 1
                        continue
                    }
                    try store.upsertColleague(colleague)
                    if existing == nil {
                        summary.added += 1
                    } else {
                        summary.updated += 1
                    }
                } catch {
                    try record(error, line: row.line, fields: ["id": "id", "name": "name", "address": "address"], in: &problems)
                }
            }
            return summary
        }
    }

    /// Checks a row and returns its colleague, or adds its problems and returns nil.
    private static func colleague(
        from row: CSVTable.Row,
        lineOfId: inout [String: Int],
        problems: inout ProblemList
    ) -> Colleague? {
        let id = row["id"]
        let name = row["name"]
        var valid = true

        if !Store.isValidColleagueId(id) {
            problems.add(line: row.line, field: "id", "\"\(id)\" is not a colleague id (expected letters, digits, \".\", \"_\" and \"-\", such as mkeller).")
            valid = false
        } else if let earlier = lineOfId[id] {
            problems.add(line: row.line, field: "id", "\(id) appears on line \(earlier) already. Keep one row per colleague.")
            valid = false
        } else {
            lineOfId[id] = row.line
        }
        if name.isEmpty {
            problems.add(line: row.line, field: "name", "the name is empty. Give the colleague's name.")
            valid = false
        }

        var address: String?
        if !row["address"].isEmpty {
            if let parsed = AddressKey.parseSingle(row["address"]) {
                address = parsed.address
            } else {
                problems.add(line: row.line, field: "address", "\"\(row["address"])\" is not an email address (expected name@domain).")
                valid = false
            }
        }
        return valid ? Colleague(id: id, name: name, address: address) : nil
    }
}
