import Foundation

/// What the demo does with a sample message besides filing it, read from `demo-plan.csv`:
/// `message,case_type,todo,second_person`, one row per message that gets more than a plain filing.
struct DemoPlan {
    struct Step {
        var caseType: String?
        var todo: String?
        /// An address of a second person to file the message for as well.
        var secondPerson: String?
    }

    private var steps: [String: Step] = [:]

    func step(for message: String) -> Step? {
        steps[message]
    }

    /// Reads the plan; a missing file is an empty plan. The file holds no quoted fields.
    static func load(from url: URL) throws -> DemoPlan {
        var plan = DemoPlan()
        guard FileManager.default.fileExists(atPath: url.path) else {
            return plan
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        for (index, line) in text.split(separator: "\n").enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard fields.count == 4 else {
                throw DemoError("\(url.lastPathComponent):\(index + 1): expected 4 fields: message,case_type,todo,second_person")
            }
            func value(_ field: String) -> String? { field.isEmpty ? nil : field }
            plan.steps[fields[0]] = Step(caseType: value(fields[1]), todo: value(fields[2]), secondPerson: value(fields[3]))
        }
        return plan
    }
}
