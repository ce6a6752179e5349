import Foundation
import HRBoxClient
import HRBoxProtocol
import HRBoxStore

/// `hrbox file`: stores the message on stdin in the personnel file of the person the lookup finds,
/// as `s` in the HR box does, without asking anything. With --maildir or --mbox it stores every
/// message of the mailbox in the same way.
///
/// For one message it starts `hrbox serve` and calls `hrbox/lookup` and `hrbox/store`, as `hrbox box`
/// does, so that the server alone decides who the message belongs to and how it is stored. A whole
/// mailbox is filed through the store directly (``FileMailboxFiling``), because a request per message
/// would spend most of the time encoding, sending and decoding the messages.
struct FileCommand: Command {
    static let words = ["file"]
    static let summary = "Store the message on stdin, or a whole Maildir or mbox, for the people it belongs to."
    static let usage = """
        Usage: hrbox file [--status-file FILE] [--store PATH] [--config PATH]
               hrbox file --maildir DIR | --mbox FILE [--store PATH] [--config PATH]

        Reads a raw message on stdin and stores it in the personnel file of the person the HR box
        would offer: the sender's for a received message, the first recipient's who is a person for
        a sent one. Prints one line saying what happened. Use the HR box (hrbox box) to pick
        another person, a case, or to register a new person.

        Exit status: 0 when the message is in the personnel file (stored now or before), 1 when
        it was not stored (no person found, or an error), 2 for a wrong command line or no message.

        With --maildir or --mbox it files every message of the mailbox the same way, in
        transactions of at most 1000 messages or 64 MiB. Messages with no person found, or that
        cannot be read, are skipped and counted; messages filed already are counted. After each
        transaction a progress line goes to stderr, and at the end one summary line to stdout.
        Each new filing is recorded in the audit trail. When the store fails, the transaction
        being filed is rolled back and the ones before stay: running again files the rest.
        Exit status: 0 when every message was filed, found filed or had no person; 1 when a
        message could not be read or the store failed; 2 for a wrong command line or a folder
        or file that is not a mailbox.

        Options:
          --maildir DIR       File the messages of the Maildir DIR (its new and cur folders).
          --mbox FILE         File the messages of the mbox file FILE.
          --status-file FILE  Write the line as a mutt command (echo "...") to FILE, replacing
                              it, for a mutt or neomutt macro to `source` (clients/mutt/hrbox.muttrc).
                              Missing folders are created; the file gets mode 0600. A line of
                              success is then not printed; any other line still goes to stderr.
        \(Locations.usage)
        """

    let statusFile: MuttStatusFile?
    /// The mailbox to back-file, or nil to file the message on stdin.
    let mailbox: FileMailbox?
    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
        let statusPath = try arguments.option("--status-file")
        if let statusPath, statusPath.isEmpty {
            throw UsageError("--status-file needs a file path, found an empty value", command: Self.name)
        }
        statusFile = statusPath.map(MuttStatusFile.init(path:))
        mailbox = try Self.mailbox(parsing: &arguments)
        if mailbox != nil, statusFile != nil {
            throw UsageError("--status-file is for one message on stdin; leave it out with --maildir and --mbox",
                             command: Self.name)
        }
    }

    private static func mailbox(parsing arguments: inout Arguments) throws(UsageError) -> FileMailbox? {
        let maildir = try arguments.option("--maildir")
        let mbox = try arguments.option("--mbox")
        switch (maildir, mbox) {
        case (nil, nil):
            return nil
        case (.some, .some):
            throw UsageError("give either --maildir or --mbox, not both; run the command once for each", command: name)
        case (.some(let path), nil):
            guard !path.isEmpty else {
                throw UsageError("--maildir needs a folder path, found an empty value", command: name)
            }
            return .maildir(path)
        case (nil, .some(let path)):
            guard !path.isEmpty else {
                throw UsageError("--mbox needs a file path, found an empty value", command: name)
            }
            return .mbox(path)
        }
    }

    func run() throws -> Int32 {
        if let mailbox {
            return FileMailboxRun(mailbox: mailbox, locations: locations).run()
        }
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
            try StoreLocation(validating: locations.storePath).requireExisting()
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
