/// The problems that made an import store nothing: every bad line found, up to ``maximumProblems``,
/// each with its line and field.
///
/// The description has one problem per line, as `people.csv:14: addresses: "anna(at)example.com"
/// is not an email address (expected name@domain)`, so that editors can jump to each line.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// One thing wrong with the file.
    public struct Problem: Sendable, Equatable {
        /// The physical line of the file, counting from 1; nil for the file as a whole.
        public var line: Int?
        /// The column the problem is in, as the header names it after normalising; nil for the whole line.
        public var field: String?
        /// The description of what is wrong and what to do about it.
        public var message: String

        public init(line: Int?, field: String?, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }
    }

    /// The maximum number of problems an error lists; the rest are only counted.
    public static let maximumProblems = 20

    /// The file's path as the caller gave it.
    public var file: String
    public var problems: [Problem]
    /// How many more problems were found than ``problems`` lists.
    public var unlistedCount: Int

    public init(file: String, problems: [Problem], unlistedCount: Int = 0) {
        self.file = file
        self.problems = problems
        self.unlistedCount = unlistedCount
    }

    public var description: String {
        var lines = problems.map { problem in
            var text = file
            if let line = problem.line {
                text += ":\(line)"
            }
            text += ": "
            if let field = problem.field {
                text += "\(field): "
            }
            return text + problem.message
        }
        if unlistedCount > 0 {
            lines.append("\(file): \(unlistedCount) more problems are not listed.")
        }
        let fix = problems.contains { $0.line != nil } ? "Fix the lines above and import the file again." : ""
        lines.append("\(file): nothing was imported. \(fix)".trimmingCharacters(in: .whitespaces))
        return lines.joined(separator: "\n")
    }
}

/// The problems found so far in one file: the first ``ImportError/maximumProblems`` in full, the rest counted.
struct ProblemList {
    private(set) var problems: [ImportError.Problem] = []
    private(set) var unlistedCount = 0

    var isEmpty: Bool {
        problems.isEmpty
    }

    mutating func add(line: Int?, field: String?, _ message: String) {
        guard problems.count < ImportError.maximumProblems else {
            unlistedCount += 1
            return
        }
        problems.append(ImportError.Problem(line: line, field: field, message: message))
    }

    func error(file: String) -> ImportError {
        ImportError(file: file, problems: problems, unlistedCount: unlistedCount)
    }
}
