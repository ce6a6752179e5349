import Foundation
import HRBoxClient
import HRBoxTerminal

/// `hrbox box`: the HR box on the terminal, for a message piped in by mutt, neomutt or aerc.
struct BoxCommand: Command {
    static let words = ["box"]
    static let summary = "Show the HR box for the message on stdin (bind it in mutt, neomutt or aerc)."
    static let usage = """
        Usage: hrbox box [--store PATH] [--config PATH]

        Reads a raw message on stdin, starts `hrbox serve`, and draws the HR box on the terminal
        (/dev/tty): the participants and the person found, where to file the message, and keys to
        store it, change the person, store for a second person, add a person, a case or a to-do.
        In mutt and neomutt pipe the message with pipe_decode unset (clients/mutt/hrbox.muttrc);
        in aerc use `:pipe -m hrbox box`.

        Options:
        \(Locations.usage)
        """

    let locations: Locations

    init(parsing arguments: inout Arguments) throws(UsageError) {
        locations = try Locations(parsing: &arguments)
    }

    func run() throws -> Int32 {
        if isatty(FileHandle.standardInput.fileDescriptor) == 1 {
            printToStandardError(
                "hrbox box: no message on stdin. Pipe one in, e.g. from mutt with <pipe-message> "
                    + "or from aerc with :pipe -m hrbox box.")
            return ExitStatus.usage
        }
        let message = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        guard !message.isEmpty else {
            printToStandardError(
                "hrbox box: the message on stdin is empty. Pipe the raw message in, with pipe_decode unset in mutt.")
            return ExitStatus.usage
        }

        // The server would return the same problems as -32021 or -32016 to the first request. Checked
        // here, each shows as one line on stderr, which mutt and aerc display, and the box does not start.
        do {
            _ = try locations.loadConfiguration()
            try locations.requireNamedStoreExists()
        } catch {
            printToStandardError("hrbox box: \(error)")
            return ExitStatus.usage
        }

        let client = try HRBoxClient(
            executable: HRBoxClient.currentExecutablePath(),
            arguments: ["serve"] + locations.serveArguments,
            clientName: "hrbox box",
            environment: locations.serveEnvironment(inheriting: ProcessInfo.processInfo.environment))
        let status = TerminalBox.run(message: message, service: ClientBoxService(client: client))

        do {
            _ = try client.close()
        } catch {
            printToStandardError("hrbox box: the server did not stop cleanly: \(error)")
        }
        return status
    }
}
