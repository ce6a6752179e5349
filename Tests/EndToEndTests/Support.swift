import Foundation
import Testing

/// The `hrbox` executable this test run built, beside the test bundle.
enum HRBoxBinary {
    static var path: String {
        Bundle.main.bundleURL.appendingPathComponent("hrbox").path
    }

    /// The folder holding the binary, for putting `hrbox` on a child's PATH.
    static var folder: String {
        Bundle.main.bundleURL.path
    }
}

/// The repository's root, for files the project ships such as `clients/mutt/hrbox.muttrc`.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
}

/// A fresh folder for one test, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("hrbox-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("Could not remove the test folder \(url.path): \(error)")
        }
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }
}

/// What a finished process wrote and how it ended.
struct ProcessOutput {
    var status: Int32
    var standardOutput: Data
    var standardError: String

    var text: String {
        String(decoding: standardOutput, as: UTF8.self)
    }
}

/// Runs the built `hrbox` with `arguments`, feeding `input` on stdin, and waits for it to end.
func runHRBox(_ arguments: [String], input: Data = Data(), environment: [String: String] = [:]) throws
    -> ProcessOutput
{
    try runProgram(HRBoxBinary.path, arguments, input: input, environment: environment)
}

/// Runs a program to its end; stdout and stderr are read on their own threads so neither pipe fills up.
func runProgram(_ path: String, _ arguments: [String], input: Data = Data(), environment: [String: String] = [:])
    throws -> ProcessOutput
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var fullEnvironment = ProcessInfo.processInfo.environment
    for (key, value) in environment {
        fullEnvironment[key] = value
    }
    process.environment = fullEnvironment

    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()

    let outputReader = PipeReader(stdout.fileHandleForReading)
    let errorReader = PipeReader(stderr.fileHandleForReading)
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    process.waitUntilExit()

    return ProcessOutput(
        status: process.terminationStatus,
        standardOutput: outputReader.finish(),
        standardError: String(decoding: errorReader.finish(), as: UTF8.self))
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    // Safe because `data` is written by the reading thread only before `done` is signalled,
    // and read by `finish()` only after waiting for that signal.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

/// An outside program a test needs, found on PATH.
///
/// Where it is missing the test is skipped with a message, except under `CI=true`, where CI installed
/// every such program and a missing one is a failure.
enum ExternalProgram {
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    static var isContinuousIntegration: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// True when every program is present, or when running under CI (where the test must then fail).
    static func available(_ names: String...) -> Bool {
        isContinuousIntegration || names.allSatisfy { find($0) != nil }
    }
}

/// Waits until `condition` holds, checking every `interval`, and fails after `timeout`.
///
/// Used where a test waits for another process (a terminal program drawing its screen) that has no
/// way to signal; the test goes on the moment the condition holds.
func poll(
    timeout: TimeInterval = 20, interval: TimeInterval = 0.05, _ what: String,
    until condition: () throws -> Bool
) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while try !condition() {
        guard Date() < deadline else {
            throw PollTimeout(what: what, seconds: timeout)
        }
        Thread.sleep(forTimeInterval: interval)
    }
}

struct PollTimeout: Error, CustomStringConvertible {
    let what: String
    let seconds: TimeInterval

    var description: String {
        "timed out after \(Int(seconds)) s waiting for \(what)"
    }
}
