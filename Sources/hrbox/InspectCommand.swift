import Foundation
import HRBoxServer
import MailReading

/// `hrbox inspect [FILE]`: prints how hrbox reads a message, as JSON.
struct InspectCommand: Command {
    static let words = ["inspect"]
    static let summary = "Print how hrbox reads a message (participants, lookup keys, defects) as JSON."
    static let usage = """
        Usage: hrbox inspect [FILE] [--config PATH]

        Reads the raw message in FILE, or on stdin when FILE is missing or "-", and prints the
        reading as JSON: participants with their role, name, address and lookup key, the groups,
        subject, date, message ids, direction, the lookup keys the HR box looks up, attachments,
        the preview and the defects found. Use it to see why a lookup found nobody.

        Members always appear in the same order; absent values are null. `configuration` names the
        configuration file used, or is null when none was found. The message may be at most
        \(ServeCommand.defaultMaxMessageBytes / (1024 * 1024)) MiB long, the size `hrbox serve` accepts by default.

        Options:
          --config PATH  The configuration file whose `address = ...` lines are the user's own
                         addresses, which decide whether the message was sent or received (default:
                         $HRBOX_CONFIG, else $XDG_CONFIG_HOME/hrbox/config, else
                         ~/.config/hrbox/config).
        """

    /// The message file, or nil for stdin.
    let path: String?
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        if try arguments.option("--store") != nil {
            throw UsageError("inspect reads no store, so --store does not apply", command: Self.name)
        }
        locations = try Locations(parsing: &arguments)
        let file = arguments.positional()
        path = file == "-" ? nil : file
    }

    func run() throws -> Int32 {
        var isFolder: ObjCBool = false
        let configExists = FileManager.default.fileExists(atPath: locations.configPath, isDirectory: &isFolder)
        if configExists, isFolder.boolValue {
            printToStandardError(
                "hrbox inspect: the configuration path \(locations.configPath) is a folder. Give the path of the configuration file.")
            return ExitStatus.usage
        }

        let configuration: UserConfiguration
        do {
            configuration = try locations.loadConfiguration()
        } catch {
            printToStandardError("hrbox inspect: the configuration \(error).")
            return ExitStatus.usage
        }

        if path == nil, isatty(STDIN_FILENO) == 1 {
            printToStandardError("hrbox inspect: reading a message from stdin; end it with Ctrl-D, or give a FILE.")
        }
        let bytes = try readInput()
        guard !bytes.isEmpty else {
            throw InspectError("the input is empty. Give the raw message, its header fields and its body")
        }
        let message = MailMessage(bytes: bytes)
        guard !message.headerFields.isEmpty else {
            // Only a message piped from a mail program can have lost its header fields on the way.
            let hint = path == nil ? ". In mutt, unset pipe_decode" : ""
            throw InspectError("no header fields were found. Give the raw message with its header fields" + hint)
        }

        let report = InspectReport(
            message: message,
            ownAddressKeys: configuration.ownAddressKeys,
            configurationPath: configExists ? locations.configPath : nil
        )
        FileHandle.standardOutput.write(Data(try report.json.prettyText().utf8))
        return ExitStatus.success
    }

    /// Reads the message from the file or stdin, at most the server's default message size.
    private func readInput() throws(InspectError) -> [UInt8] {
        let limit = ServeCommand.defaultMaxMessageBytes
        let source = path ?? "stdin"

        let handle: FileHandle
        if let path {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw InspectError("no file exists at \(path). Check the path")
            }
            guard !isFolder.boolValue else {
                throw InspectError("\(path) is a folder. Give the path of the message file itself")
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw InspectError("\(path) cannot be opened. Check that you may read it")
            }
            handle = opened
        } else {
            handle = FileHandle.standardInput
        }

        defer {
            if path != nil {
                // Only a read failure matters; closing a file opened for reading cannot lose data.
                try? handle.close()
            }
        }

        let data: Data
        do {
            // Reading one byte past the limit distinguishes a message at the limit from a longer one.
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw InspectError("reading \(source) failed (\(error.localizedDescription))")
        }
        guard data.count <= limit else {
            throw InspectError(
                "\(source) is larger than \(limit / (1024 * 1024)) MiB, more than hrbox reads as one message. "
                    + "Give a single message, not a mailbox file, or save the message without its large attachments")
        }
        return [UInt8](data)
    }
}

/// An input `hrbox inspect` cannot read, with what to do about it.
struct InspectError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description + "."
    }
}
