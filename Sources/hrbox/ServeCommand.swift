import Foundation
import HRBoxServer
import JSONRPC

/// `hrbox serve`: the JSON-RPC server mail clients spawn, speaking on stdin and stdout.
struct ServeCommand: Command {
    static let words = ["serve"]
    static let summary = "Run the JSON-RPC server on stdin and stdout (mail client plugins start this)."
    static let usage = """
        Usage: hrbox serve [--store PATH] [--config PATH] [--max-message-bytes N]
                           [--native-messaging] [--log-level LEVEL] [--log-personal-data]
               hrbox MANIFEST.json EXTENSION_ID
               hrbox chrome-extension://EXTENSION_ID/

        Speaks JSON-RPC 2.0 with Content-Length framing on stdin and stdout; protocol/README.md
        describes every method. Logs go to stderr.

        Thunderbird and Firefox start a native messaging host with the path of its manifest and the
        extension's id, Chrome with the extension's origin. Started either way, hrbox serves with
        native messaging framing, at log level info, with the store and configuration from the
        environment or the defaults below.

        Options:
        \(Locations.usage)
          --max-message-bytes N
                         The largest message accepted, in bytes (default \(defaultMaxMessageBytes),
                         room for a 50 MB mail in base64).
          --native-messaging
                         Frame messages as browsers and Thunderbird do for native hosts: a 32-bit
                         length in native byte order, then the JSON. Replies are at most 1 MiB.
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
    let framing: Framing
    /// The extension that started hrbox as its native messaging host, for the log; nil otherwise.
    let startingExtension: String?

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
        framing = arguments.flag("--native-messaging") ? .nativeMessaging : .contentLength
        startingExtension = nil
    }

    /// Serves as the native messaging host of an extension, with the store and configuration from
    /// the environment or the defaults, because the browser passes no options.
    init(nativeHostFor extensionID: String) throws(UsageError) {
        var noOptions = Arguments([], commandName: Self.name)
        locations = try Locations(parsing: &noOptions)
        maxMessageBytes = Self.defaultMaxMessageBytes
        logLevel = .info
        logPersonalData = false
        framing = .nativeMessaging
        startingExtension = extensionID
    }

    func run() throws -> Int32 {
        let log = Logger(level: logLevel, includePersonalData: logPersonalData)
        let protocolOutput = try StandardOutputGuard.install()
        if let startingExtension {
            log.info("Started as the native messaging host of the extension \(startingExtension.prefix(200)).")
        }

        // A configuration that cannot be read, or a named store that does not exist, does not stop the
        // server: every method returns the problem as -32021 or -32016, because native messaging
        // hosts' stderr reaches no user.
        let locations = self.locations
        let server = HRBoxServer(
            storePath: locations.storePath,
            missingStore: locations.missingStore,
            loadingConfiguration: { () throws(ConfigurationError) in try locations.loadConfiguration() },
            maxMessageBytes: maxMessageBytes,
            log: log)
        let connection = try JSONRPCServer(
            input: FileHandle.standardInput.fileDescriptor,
            output: protocolOutput,
            handler: server,
            logger: log,
            maxMessageBytes: maxMessageBytes,
            framing: framing)
        return connection.run()
    }
}
