import Foundation
import JSONRPC

/// How long the test waits for the server before it fails instead of hanging.
let serverDeadline: TimeInterval = 30

/// The `hrbox` executable this test run built, beside the test bundle.
enum HRBoxBinary {
    static var path: String {
        Bundle.main.bundleURL.appendingPathComponent("hrbox").path
    }
}

/// Runs `hrbox` with arguments in the repository's top folder and waits for it; throws unless it exits with 0.
func runHRBox(_ arguments: [String], errorLog: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: HRBoxBinary.path)
    process.arguments = arguments
    process.currentDirectoryURL = Repository.root
    process.standardOutput = try FileHandle(forWritingTo: errorLog)
    process.standardError = try FileHandle(forWritingTo: errorLog)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        throw SpecError("hrbox \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(log)")
    }
}

/// A running `hrbox serve`, written to and read from in raw Content-Length frames.
final class ServeProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var decoder = FrameDecoder()
    private var pendingBodies: [[UInt8]] = []

    init(arguments: [String], errorLog: URL) throws {
        process.executableURL = URL(fileURLWithPath: HRBoxBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
        }
    }

    func send(_ message: JSONValue) throws {
        input.fileHandleForWriting.write(Data(FrameEncoder.frame(body: try message.serialized())))
    }

    /// Returns the next frame's body as JSON; throws at the end of the output or when the deadline passes.
    func receive() throws -> JSONValue {
        let deadline = Date(timeIntervalSinceNow: serverDeadline)
        while pendingBodies.isEmpty {
            guard let chunk = try readChunk(until: deadline) else {
                throw SpecError("hrbox serve closed its output while a reply was expected.")
            }
            try decode(chunk)
        }
        return try JSONValue(parsing: pendingBodies.removeFirst())
    }

    /// Reads the output to its end, waits for the exit and returns the status with the frames the
    /// server still wrote, which the spec's session leaves none for.
    func finish() throws -> (status: Int32, unexpectedFrames: [JSONValue]) {
        let deadline = Date(timeIntervalSinceNow: serverDeadline)
        while let chunk = try readChunk(until: deadline) {
            try decode(chunk)
        }
        process.waitUntilExit()
        let frames = try pendingBodies.map { try JSONValue(parsing: $0) }
        return (process.terminationStatus, frames)
    }

    private func decode(_ chunk: [UInt8]) throws {
        for event in decoder.feed(chunk) {
            switch event {
            case .body(let body):
                pendingBodies.append(body)
            case .error(let error):
                throw SpecError("hrbox serve wrote something that is not a frame: \(error)")
            }
        }
    }

    /// Reads what the server wrote; returns nil at the end of its output.
    private func readChunk(until deadline: Date) throws -> [UInt8]? {
        var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR {
                continue
            }
            guard ready > 0 else {
                throw SpecError("hrbox serve did not write within \(Int(serverDeadline)) seconds.")
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count > 0 else {
                return nil
            }
            return Array(buffer[..<count])
        }
    }
}
