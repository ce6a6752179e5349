import Foundation
import HRBoxProtocol
import JSONRPC

/// Starts `hrbox serve` as a child process and calls its methods with typed params and results.
///
/// Calls block the calling thread until the reply arrives, and several threads may call at once.
/// Call ``close()`` when done: it lets the server finish cleanly and returns its exit status.
/// A client released without `close()` closes the server's input instead, and waits up to
/// ``exitGracePeriod`` seconds for it to exit before killing it.
public final class HRBoxClient: Sendable {
    /// How long a server that failed or is being abandoned may take to exit before it is killed, in seconds.
    static let exitGracePeriod = 5.0

    public let initializeResult: InitializeResult

    private let process: ChildProcess
    private let connection: JSONRPCClient
    private let standardErrorTail: StandardErrorTail
    private let isClosed = Locked(false)

    /// Starts `executable` with `arguments`, normally `["serve", ...]`, then sends `initialize` with the
    /// client's name and `initialized`.
    ///
    /// The server's stdin and stdout are on pipes. Its stderr is on a pipe too, whose last
    /// ``StandardErrorTail/capacity`` bytes are kept for error messages.
    ///
    /// - Parameter environment: The server's environment; nil passes on this process's environment.
    /// - Throws: ``HRBoxClientError/transport(_:)`` when the server cannot be started or dies, and
    ///   ``HRBoxClientError/server(code:message:data:)`` when it rejects `initialize`.
    public init(
        executable: String,
        arguments: [String],
        clientName: String,
        environment: [String: String]? = nil
    ) throws(HRBoxClientError) {
        let process: ChildProcess
        do {
            process = try ChildProcess(executable: executable, arguments: arguments, environment: environment)
        } catch {
            throw .transport("Could not start the hrbox server: \(error). Check the path \(executable).")
        }

        let standardErrorTail: StandardErrorTail
        let connection: JSONRPCClient
        do {
            standardErrorTail = try StandardErrorTail(fileDescriptor: process.standardError)
            do {
                connection = try JSONRPCClient(input: process.standardOutput, output: process.standardInput)
            } catch {
                standardErrorTail.stop()
                throw error
            }
        } catch {
            Self.abandon(process)
            throw .transport("Could not connect to the hrbox server: \(error).")
        }
        self.process = process
        self.connection = connection
        self.standardErrorTail = standardErrorTail

        do {
            let params = InitializeParams(clientInfo: ClientInfo(name: clientName), processId: Int(getpid()))
            initializeResult = try Self.call(connection, method: "initialize", params: params, as: InitializeResult.self)
            try connection.notify(method: "initialized", params: .object(JSONObject()))
        } catch {
            let failure = Self.describe(error, method: "initialize", process: process, standardErrorTail: standardErrorTail)
            Self.shutDown(process, connection, standardErrorTail)
            throw failure
        }
    }

    deinit {
        if !isClosed.withLock({ $0 }) {
            Self.shutDown(process, connection, standardErrorTail)
        }
    }

    /// Calls an `hrbox/` method and waits for its result.
    ///
    /// - Throws: ``HRBoxClientError/server(code:message:data:)`` when the server returns an error, and
    ///   ``HRBoxClientError/transport(_:)`` when the server died or its reply does not fit `Method.Result`.
    public func call<Method: HRBoxMethod>(_ method: Method.Type, _ params: Method.Params) throws(HRBoxClientError)
        -> Method.Result
    {
        guard !isClosed.withLock({ $0 }) else {
            throw .transport("The client is closed; start a new one to call \(Method.name).")
        }
        do {
            return try Self.call(connection, method: Method.name, params: params, as: Method.Result.self)
        } catch {
            throw Self.describe(error, method: Method.name, process: process, standardErrorTail: standardErrorTail)
        }
    }

    /// Sends `shutdown` and `exit`, waits for the process and returns its exit status.
    ///
    /// The status is 0 after a clean shutdown; a server killed by a signal gives 128 plus the signal number.
    /// - Throws: ``HRBoxClientError`` when `shutdown` fails; the server is stopped all the same.
    public func close() throws(HRBoxClientError) -> Int32 {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else {
            throw .transport("The client is closed already.")
        }

        do {
            _ = try connection.call(method: "shutdown", params: nil)
            try connection.notify(method: "exit", params: nil)
        } catch {
            let failure = Self.describe(error, method: "shutdown", process: process, standardErrorTail: standardErrorTail)
            Self.shutDown(process, connection, standardErrorTail)
            throw failure
        }

        process.closeStandardInput()
        let status = process.waitForExit() ?? 1
        connection.close()
        standardErrorTail.stop()
        return status
    }

    // MARK: - Helpers

    private static func call<Params: Encodable, Result: Decodable>(
        _ connection: JSONRPCClient,
        method: String,
        params: Params,
        as resultType: Result.Type
    ) throws -> Result {
        let encodedParams: JSONValue
        do {
            encodedParams = try JSONValueEncoder().encode(params)
        } catch {
            throw HRBoxClientError.transport("Could not encode the params of \(method): \(error).")
        }

        let result = try connection.call(method: method, params: encodedParams)
        do {
            return try JSONValueDecoder().decode(resultType, from: result)
        } catch {
            throw HRBoxClientError.transport("The server's result for \(method) does not fit the protocol: \(error).")
        }
    }

    /// Turns an error from a call into an ``HRBoxClientError``; a lost connection gets the server's
    /// exit status and the end of its standard error.
    private static func describe(
        _ error: any Error,
        method: String,
        process: ChildProcess,
        standardErrorTail: StandardErrorTail
    ) -> HRBoxClientError {
        switch error {
        case let clientError as HRBoxClientError:
            return clientError
        case let responseError as ResponseError:
            return .server(code: responseError.code, message: responseError.message, data: responseError.data)
        default:
            var message = "The call to \(method) failed: \(error)"
            if let status = process.waitForExit(within: exitGracePeriod) {
                message += " The server exited with status \(status)."
            }
            if standardErrorTail.waitForEnd(within: exitGracePeriod), !standardErrorTail.text.isEmpty {
                message += " Its last output on standard error:\n\(standardErrorTail.text)"
            }
            return .transport(message)
        }
    }

    /// Stops a server without the lifecycle: closes its input, then kills it if it does not exit in time.
    private static func shutDown(_ process: ChildProcess, _ connection: JSONRPCClient, _ standardErrorTail: StandardErrorTail) {
        abandon(process)
        connection.close()
        standardErrorTail.stop()
    }

    private static func abandon(_ process: ChildProcess) {
        process.closeStandardInput()
        if process.waitForExit(within: exitGracePeriod) == nil {
            process.kill()
            _ = process.waitForExit()
        }
    }
}
