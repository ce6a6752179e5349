import Foundation

/// The demo's steps for sample messages beyond filing them, read from `demo-plan.csv`:
/// `message,case_type,todo`, one row per message that gets more than a plain filing.
struct DemoPlan {
    struct Step {
        /// File under the person's open case of this type, starting one when there is none.
        var caseType: String?
        /// The title of a to-do to plan from the message.
        var todo: String?
    }

    private var steps: [String: Step] = [:]

    func step(for message: String) -> Step? {
        steps[message]
    }

    /// Reads the plan; a missing file is an empty plan. The file contains no quoted fields.
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
            guard fields.count == 3 else {
                throw DemoError("\(url.lastPathComponent):\(index + 1): expected 3 fields: message,case_type,todo")
            }
            plan.steps[fields[0]] = Step(
                caseType: fields[1].isEmpty ? nil : fields[1],
                todo: fields[2].isEmpty ? nil : fields[2])
        }
        return plan
    }
}
