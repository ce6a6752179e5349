/// A subcommand of `hrbox`, such as `serve` or `people import`.
protocol Command: Sendable {
    /// The words that select the command, such as `["people", "import"]`.
    static var words: [String] { get }
    /// One line for the list of commands.
    static var summary: String { get }
    /// The usage text `hrbox help COMMAND` prints: synopsis, then options with what they set.
    static var usage: String { get }

    init(parsing arguments: inout Arguments) throws(UsageError)

    /// Runs the command and returns the process's exit status.
    func run() throws -> Int32
}

extension Command {
    static var name: String { words.joined(separator: " ") }
}

/// Exit statuses shared by the subcommands.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
