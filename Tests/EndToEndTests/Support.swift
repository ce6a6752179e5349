import Foundation
import HRBoxClient
import JSONRPC
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

/// Runs a program to its end and returns what it wrote.
///
/// Uses `posix_spawn` and `waitpid` with stdin, stdout and stderr on files. Foundation's `Process`
/// on Linux notices a child's exit through a descriptor the child inherits, so it waits forever
/// for a program that leaves a daemon behind, as `tmux new-session` does. Pipes would hang the same way.
func runProgram(_ path: String, _ arguments: [String], input: Data = Data(), environment: [String: String] = [:])
    throws -> ProcessOutput
{
    let folder = try TemporaryFolder()
    let inputPath = try folder.write("stdin", input)
    let outputPath = folder.path("stdout")
    let errorPath = folder.path("stderr")

    let processID = try spawnProgram(
        path, arguments, standardInput: inputPath, standardOutput: outputPath, standardError: errorPath,
        environment: environment)
    let status = try waitForExit(of: processID, path: path)

    return ProcessOutput(
        status: status,
        standardOutput: try Data(contentsOf: URL(fileURLWithPath: outputPath)),
        standardError: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
}

/// Starts a program with stdin, stdout and stderr on files and returns its process id without waiting.
///
/// The caller must reap the child with ``waitForExit(of:path:)``.
func spawnProgram(
    _ path: String, _ arguments: [String], standardInput: String, standardOutput: String, standardError: String,
    environment: [String: String] = [:]
) throws -> pid_t {
    var fullEnvironment = ProcessInfo.processInfo.environment
    for (key, value) in environment {
        fullEnvironment[key] = value
    }
    do throws(SystemCallError) {
        return try ProcessSpawn.start(
            arguments: [path] + arguments,
            environment: fullEnvironment,
            streams: .files(input: standardInput, output: standardOutput, error: standardError))
    } catch {
        throw SetupError("cannot start \(path): \(String(cString: strerror(error.errorNumber)))")
    }
}

/// Waits for a child to end and returns its exit code, or 128 plus the signal number that ended it,
/// as shells report it.
func waitForExit(of processID: pid_t, path: String) throws -> Int32 {
    var waitStatus: Int32 = 0
    while waitpid(processID, &waitStatus, 0) < 0 {
        guard errno == EINTR else {
            throw SetupError("waiting for \(path) failed: \(String(cString: strerror(errno)))")
        }
    }
    return ProcessSpawn.exitStatus(fromWaitStatus: waitStatus)
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
/// Tests use it to wait for another process that cannot signal, such as a terminal program drawing
/// its screen. The test goes on the moment the condition holds.
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
