import Foundation
import HRBoxConformance

/// `hrbox conformance`: runs the conformance suite against any server command and reports each case.
struct ConformanceCommand: Command {
    static let words = ["conformance"]
    static let summary = "Check a JSON-RPC server command against the protocol's conformance suite."
    static let usage = """
        Usage: hrbox conformance [--cases DIR] [--native-command "PROGRAM ARGS"] [--filter TEXT]
                                 [--timeout SECONDS] -- PROGRAM [ARGS...]

        Starts PROGRAM with ARGS once per case, writes the case's bytes to its stdin and checks the
        frames on its stdout and its exit status. In ARGS, {tmp} stands for an empty folder made
        for each case. Prints one line per case and exits with status 1 when a case fails.
        protocol/conformance/README.md describes the cases.

        Example:
          hrbox conformance -- env HRBOX_STORE= XDG_DATA_HOME={tmp}/data hrbox serve --config /dev/null

        Options:
          --cases DIR    The folder of case files (default protocol/conformance/cases).
          --native-command "PROGRAM ARGS"
                         The command for native messaging cases, its words separated by spaces,
                         {tmp} included. Without it those cases are skipped.
          --filter TEXT  Run only the cases whose name contains TEXT.
          --timeout SECONDS
                         How long one case may take before it fails (default 20).
        """

    static let defaultCasesFolder = "protocol/conformance/cases"

    let command: [String]
    let nativeCommand: [String]?
    let casesFolder: String
    let filter: String?
    let timeout: Double

    init(parsing arguments: inout Arguments) throws(UsageError) {
        command = arguments.argumentsAfterSeparator()
        guard !command.isEmpty else {
            throw UsageError("missing the server command after --", command: Self.name)
        }
        casesFolder = try arguments.option("--cases") ?? Self.defaultCasesFolder
        nativeCommand = try arguments.option("--native-command").map { text in
            text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        if let nativeCommand, nativeCommand.isEmpty {
            throw UsageError("--native-command expects a program and its arguments, found an empty text", command: Self.name)
        }
        filter = try arguments.option("--filter")

        let timeoutText = try arguments.option("--timeout") ?? "20"
        guard let seconds = Double(timeoutText), seconds > 0, seconds.isFinite else {
            throw UsageError("--timeout expects a positive number of seconds, found \"\(timeoutText)\"", command: Self.name)
        }
        timeout = seconds
    }

    func run() throws -> Int32 {
        let cases = try ConformanceSuite.load(folder: casesFolder).filter { testCase in
            filter.map { testCase.name.contains($0) } ?? true
        }
        // A server that exits before reading all of a case's input must not end the runner.
        signal(SIGPIPE, SIG_IGN)

        let runner = ConformanceRunner(command: command, nativeCommand: nativeCommand, timeout: timeout)
        var counts = (passed: 0, failed: 0, skipped: 0)
        for testCase in cases {
            switch runner.run(testCase) {
            case .passed:
                counts.passed += 1
                print("pass  \(testCase.name)")
            case .skipped(let reason):
                counts.skipped += 1
                print("skip  \(testCase.name): \(reason)")
            case .failed(let reason):
                counts.failed += 1
                print("FAIL  \(testCase.name) (\(testCase.file), checks \(testCase.rule))")
                print(reason.split(separator: "\n").map { "      \($0)" }.joined(separator: "\n"))
            }
        }

        print("\(counts.passed) passed, \(counts.failed) failed, \(counts.skipped) skipped of \(cases.count) cases.")
        return counts.failed == 0 ? ExitStatus.success : ExitStatus.failure
    }
}
