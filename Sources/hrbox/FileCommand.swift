import Foundation
import HRBoxClient
import HRBoxProtocol
import HRBoxStore

/// `hrbox file`: stores the message on stdin in the personnel file of the person the lookup finds,
/// as `s` in the HR box does, without asking anything.
///
/// It starts `hrbox serve` and calls `hrbox/lookup` and `hrbox/store`, as `hrbox box` does, so that
/// the server alone decides who the message belongs to and how it is stored.
struct FileCommand: Command {
    static let words = ["file"]
    static let summary = "Store the message on stdin for the person it belongs to, without asking."
    static let usage = """
        Usage: hrbox file [--status-file FILE] [--store PATH] [--config PATH]

        Reads a raw message on stdin and stores it in the personnel file of the person the HR box
        would offer: the sender's for a received message, the first recipient's who is a person for
        a sent one. Prints one line saying what happened. Use the HR box (hrbox box) to pick
        another person, a case, or to register a new person.

        Exit status: 0 when the message is in the personnel file (stored now or before), 1 when
        it was not stored (no person found, or an error), 2 for a wrong command line or no message.

        Options:
          --status-file FILE  Write the line as a mutt command (echo "...") to FILE, replacing
                              it, for a mutt or neomutt macro to `source` (clients/mutt/hrbox.muttrc).
                              Missing folders are created; the file gets mode 0600. A line of
                              success is then not printed; any other line still goes to stderr.
        \(Locations.usage)
        """

    let statusFile: MuttStatusFile?
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        let statusPath = try arguments.option("--status-file")
        if let statusPath, statusPath.isEmpty {
            throw UsageError("--status-file needs a file path, found an empty value", command: Self.name)
        }
        statusFile = statusPath.map(MuttStatusFile.init(path:))
    }

    func run() throws -> Int32 {
        guard let message = readMessage() else {
            return ExitStatus.usage
        }
        let report = file(message)
        return finish(line: report.line, status: report.isFiled ? ExitStatus.success : ExitStatus.failure)
    }

    /// Returns the message on stdin, or nil after reporting that there is none.
    private func readMessage() -> [UInt8]? {
        if isatty(FileHandle.standardInput.fileDescriptor) == 1 {
            _ = finish(
                line: "hrbox: no message on stdin; pipe one in, e.g. from mutt with <pipe-message> "
                    + "or from aerc with :pipe -mb hrbox file",
                status: ExitStatus.usage)
            return nil
        }
        let message = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        if message.isEmpty {
            _ = finish(
                line: "hrbox: the message on stdin is empty; pipe the raw message in, with pipe_decode unset in mutt",
                status: ExitStatus.usage)
            return nil
        }
        return message
    }

    /// Looks the message up and stores it for the default person, through a child `hrbox serve`.
    private func file(_ message: [UInt8]) -> FilingReport {
        do {
            try checkStoreExists()
            _ = try locations.loadConfiguration()
        } catch {
            return .notStored(reason: "\(error)")
        }

        let client: HRBoxClient
        do {
            client = try HRBoxClient(
                executable: HRBoxClient.currentExecutablePath(),
                arguments: ["serve"] + locations.serveArguments,
                clientName: "hrbox file",
                environment: locations.serveEnvironment(inheriting: ProcessInfo.processInfo.environment))
        } catch {
            return .notStored(reason: Self.reason(error))
        }
        defer {
            do {
                _ = try client.close()
            } catch {
                printToStandardError("hrbox file: the server did not stop cleanly: \(error)")
            }
        }

        let source = MessageSource.base64(Data(message).base64EncodedString())
        do {
            let lookup = try client.call(Lookup.self, Lookup.Params(message: source))
            guard let person = lookup.defaultPerson else {
                return .nobodyFound(in: lookup)
            }
            let target = FilingTarget(personId: person.id, caseId: nil)
            let stored = try client.call(StoreMessage.self, StoreMessage.Params(message: source, targets: [target]))
            guard let outcome = stored.filings.first else {
                return .notStored(reason: "the server returned no outcome for the filing; run hrbox person show to check")
            }
            return outcome.alreadyFiled ? .alreadyFiled(person, filedAt: outcome.filedAt) : .stored(person)
        } catch {
            return .notStored(reason: Self.reason(error))
        }
    }

    /// Fails for an SQLite store that does not exist, which `hrbox serve` would create empty, so that
    /// a mistyped path does not end in "no person has the address".
    private func checkStoreExists() throws {
        let location = try StoreLocation(validating: locations.storePath)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw StoreMissing(path: path)
        }
    }

    private static func reason(_ error: HRBoxClientError) -> String {
        switch error {
        case .server(_, let message, _):
            message
        case .transport(let reason):
            "hrbox serve stopped working: \(reason)"
        }
    }

    /// Writes `line` to the status file when there is one, prints it, and returns `status`.
    ///
    /// A line of success goes to stdout, and only without a status file, because mutt shows the
    /// status file's line itself and would otherwise show the printed one again the next time it
    /// hands the screen to a program. Any other line goes to stderr, and mutt keeps it on screen
    /// until a key is pressed because the exit status is not 0.
    private func finish(line: String, status: Int32) -> Int32 {
        var printsLine = statusFile == nil || status != ExitStatus.success
        if let statusFile {
            do {
                try statusFile.write(line)
            } catch {
                printToStandardError("hrbox file: \(error)")
                printsLine = true
            }
        }

        if printsLine {
            if status == ExitStatus.success {
                print(line)
            } else {
                printToStandardError(line)
            }
        }
        return status
    }
}
