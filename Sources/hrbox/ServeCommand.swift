import Foundation
import HRBoxServer
import JSONRPC

/// `hrbox serve`: the JSON-RPC server mail clients spawn, speaking on stdin and stdout.
struct ServeCommand: Command {
    static let words = ["serve"]
    static let summary = "Run the JSON-RPC server on stdin and stdout (mail client plugins start this)."
    static let usage = """
        Usage: hrbox serve [--store PATH] [--config PATH] [--max-message-bytes N]
                           [--log-level LEVEL] [--log-personal-data]

        Speaks JSON-RPC 2.0 with Content-Length framing on stdin and stdout; protocol/README.md
        describes every method. Logs go to stderr.

        Options:
        \(Locations.usage)
          --max-message-bytes N
                         The largest message accepted, in bytes (default \(defaultMaxMessageBytes),
                         room for a 50 MB mail in base64).
          --log-level LEVEL
                         error, warning, info or debug (default warning).
          --log-personal-data
                         Also log names, addresses and subjects, for debugging a lookup.
        """

    static let defaultMaxMessageBytes = 72 * 1024 * 1024

    let locations: Locations
    let maxMessageBytes: Int
    let logLevel: Logger.Level
    let logPersonalData: Bool

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)

        let maxText = try arguments.option("--max-message-bytes")
        if let maxText {
            guard let value = Int(maxText), value > 0 else {
                throw UsageError("--max-message-bytes expects a positive number of bytes, found \"\(maxText)\"",
                    command: Self.name)
            }
            maxMessageBytes = value
        } else {
            maxMessageBytes = Self.defaultMaxMessageBytes
        }

        let levelText = try arguments.option("--log-level") ?? "warning"
        guard let level = Logger.Level.allCases.first(where: { $0.description == levelText }) else {
            throw UsageError("--log-level expects error, warning, info or debug, found \"\(levelText)\"",
                command: Self.name)
        }
        logLevel = level
        logPersonalData = arguments.flag("--log-personal-data")
    }

    func run() throws -> Int32 {
        let log = Logger(level: logLevel, includePersonalData: logPersonalData)
        let protocolOutput = try StandardOutputGuard.install()

        let configuration: UserConfiguration
        do {
            configuration = try locations.loadConfiguration()
        } catch {
            log.error("Cannot start because of the configuration: \(error)")
            return ExitStatus.usage
        }

        let server = HRBoxServer(
            storePath: locations.storePath,
            configuration: configuration,
            maxMessageBytes: maxMessageBytes,
            log: log)
        let connection = try JSONRPCServer(
            input: FileHandle.standardInput.fileDescriptor,
            output: protocolOutput,
            handler: server,
            logger: log,
            maxMessageBytes: maxMessageBytes)
        return connection.run()
    }
}
