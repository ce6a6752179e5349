import Foundation
import HRBoxProtocol
import JSONRPC

/// Frames for `hrbox serve`, written to a file ahead of time and given to the server as its stdin.
///
/// The server then reads the next request while it handles the one before, as a pipelining
/// client makes it do, and the test needs no thread to feed it.
struct RequestScript {
    private(set) var bytes: [UInt8] = []

    /// Starts the script with `initialize` and `initialized`.
    init(clientName: String) throws {
        try append(["jsonrpc": "2.0", "id": "initialize", "method": "initialize",
                    "params": ["clientInfo": ["name": .string(clientName)]]])
        try append(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    }

    /// Adds a request of an `hrbox/` method with a numeric id.
    /// - Parameter progressToken: When given, the server sends progress notifications with it.
    mutating func add<Method: HRBoxMethod>(
        _ method: Method.Type, id: Int, _ params: Method.Params, progressToken: String? = nil
    ) throws {
        var encoded = try JSONValueEncoder().encode(params)
        if let progressToken, var members = encoded.objectValue {
            members["workDoneToken"] = .string(progressToken)
            encoded = .object(members)
        }
        try append(["jsonrpc": "2.0", "id": JSONValue(id), "method": .string(Method.name), "params": encoded])
    }

    /// Ends the script with `shutdown` and `exit`, so that the server exits with status 0.
    mutating func addShutdown() throws {
        try append(["jsonrpc": "2.0", "id": "shutdown", "method": "shutdown"])
        try append(["jsonrpc": "2.0", "method": "exit"])
    }

    private mutating func append(_ message: JSONValue) throws {
        bytes += FrameEncoder.frame(body: try message.serialized())
    }
}

/// One `hrbox serve` started on a ``RequestScript``, its replies going to a file.
struct ScriptedServe {
    let processID: pid_t
    let outputPath: String
    let logPath: String

    /// Writes the script to `folder` under `name` and starts `hrbox serve` on it without waiting.
    init(script: RequestScript, storeArguments: [String], folder: TemporaryFolder, name: String) throws {
        let inputPath = try folder.write("\(name).in", Data(script.bytes))
        outputPath = folder.path("\(name).out")
        logPath = folder.path("\(name).log")
        processID = try spawnProgram(
            HRBoxBinary.path, ["serve"] + storeArguments, standardInput: inputPath, standardOutput: outputPath,
            standardError: logPath)
    }

    /// Waits for the server to end and returns its exit status, or 128 plus the signal that ended it.
    func waitForExit() throws -> Int32 {
        try EndToEndTests.waitForExit(of: processID, path: HRBoxBinary.path)
    }

    /// Parses the frames the server has written so far, leaving out a frame still being written.
    func replies() throws -> [JSONValue] {
        let output = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        var decoder = FrameDecoder()
        var messages: [JSONValue] = []
        for event in decoder.feed(output) {
            switch event {
            case .body(let body):
                messages.append(try JSONValue(parsing: body))
            case .error(let error):
                throw SetupError("hrbox serve wrote something that is not a frame to \(outputPath): \(error)")
            }
        }
        return messages
    }

    /// Returns the replies to requests with numeric ids, keyed by id. Progress notifications and other
    /// replies are left out.
    func repliesByID() throws -> [Int: JSONValue] {
        var byID: [Int: JSONValue] = [:]
        for message in try replies() {
            guard let id = message["id"]?.intValue else {
                continue
            }
            guard byID[id] == nil else {
                throw SetupError("hrbox serve replied twice to request \(id)")
            }
            byID[id] = message
        }
        return byID
    }
}

/// Decodes the result of one reply, or returns the error the server sent in it.
func decodeReply<Method: HRBoxMethod>(_ reply: JSONValue, as method: Method.Type) throws
    -> Result<Method.Result, ResponseError>
{
    if let error = reply["error"] {
        guard let responseError = ResponseError(error) else {
            throw SetupError("invalid error object in reply, expected an integer code and a string message: \(reply)")
        }
        return .failure(responseError)
    }
    return .success(try JSONValueDecoder().decode(Method.Result.self, from: reply["result"] ?? .null))
}
