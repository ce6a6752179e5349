import Foundation
import HRBoxProtocol
import JSONRPC

/// A running `hrbox serve` driven over its stdin and stdout with raw frames, Content-Length ones
/// unless the session uses native messaging.
///
/// Independent of HRBoxClient on purpose: these tests check the bytes a client in any language receives.
final class ServeSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errorOutput: FileHandle
    private let framing: Framing
    private var decoder: any FrameDecoding
    private var pendingBodies: [[UInt8]] = []
    private var nextID = 1

    /// Starts `hrbox serve` with the options in `arguments`.
    convenience init(arguments: [String], errorLog: String, framing: Framing = .contentLength) throws {
        let nativeOption = framing == .nativeMessaging ? ["--native-messaging"] : []
        try self.init(commandLine: ["serve"] + nativeOption + arguments, framing: framing, errorLog: errorLog)
    }

    /// Starts `hrbox` with any command line, such as the one a browser passes to a native host.
    init(commandLine: [String], framing: Framing, environment: [String: String] = [:], errorLog: String) throws {
        guard FileManager.default.createFile(atPath: errorLog, contents: nil) else {
            throw SetupError("cannot create the server's log file \(errorLog)")
        }
        errorOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: errorLog))
        self.framing = framing
        decoder = framing.makeDecoder(maxBodyBytes: FrameDecoder.defaultMaxBodyBytes)
        process.executableURL = URL(fileURLWithPath: HRBoxBinary.path)
        process.arguments = commandLine
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorOutput
        try process.run()

        // A hung server would block the reads below forever; stopping it ends them with end of file.
        let process = self.process
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
            if process.isRunning {
                process.terminate()
            }
        }
    }

    /// Sends one JSON value as a frame.
    func send(_ message: JSONValue) throws {
        let body = try message.serialized()
        switch framing {
        case .contentLength:
            input.fileHandleForWriting.write(Data(FrameEncoder.frame(body: body)))
        case .nativeMessaging:
            guard let frame = NativeMessagingFrameEncoder.frame(body: body) else {
                throw SetupError("a message of \(body.count) bytes is too large for native messaging")
            }
            input.fileHandleForWriting.write(Data(frame))
        }
    }

    /// Sends a request with the next id and returns the response, checking that it carries that id.
    func request(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var members: JSONObject = ["jsonrpc": "2.0", "id": JSONValue(id), "method": .string(method)]
        if let params {
            members["params"] = params
        }
        try send(.object(members))

        let response = try receive()
        guard response["id"] == JSONValue(id) else {
            throw SetupError("expected the response to request \(id), got \(response)")
        }
        return response
    }

    /// Sends a typed request and decodes its result; a JSON-RPC error becomes a thrown `ResponseError`.
    func call<Method: HRBoxMethod>(_ method: Method.Type, _ params: Method.Params) throws -> Method.Result {
        let response = try request(Method.name, try JSONValueEncoder().encode(params))
        if let error = response["error"] {
            throw ResponseError(error) ?? SetupError("malformed error \(error)")
        }
        return try JSONValueDecoder().decode(Method.Result.self, from: response["result"] ?? .null)
    }

    func notify(_ method: String, _ params: JSONValue? = nil) throws {
        var members: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params {
            members["params"] = params
        }
        try send(.object(members))
    }

    /// Reads the next frame from stdout and parses its body.
    func receive() throws -> JSONValue {
        while pendingBodies.isEmpty {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                throw SetupError("hrbox serve closed its output while a reply was expected")
            }
            for event in decoder.feed(chunk) {
                switch event {
                case .body(let body):
                    pendingBodies.append(body)
                case .error(let error):
                    throw SetupError("hrbox serve wrote something that is not a frame: \(error)")
                }
            }
        }
        return try JSONValue(parsing: pendingBodies.removeFirst())
    }

    /// Closes stdin, waits for the exit and returns the status and whatever stdout still held.
    func finish() throws -> (status: Int32, trailingOutput: Data) {
        try input.fileHandleForWriting.close()
        let trailing = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorOutput.close()
        return (process.terminationStatus, trailing)
    }

    var isAtFrameBoundary: Bool {
        decoder.isAtFrameBoundary && pendingBodies.isEmpty
    }
}
