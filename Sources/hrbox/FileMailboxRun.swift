import Foundation
import HRBoxStore

/// `hrbox file --maildir DIR` or `--mbox FILE`: opens the store, files the mailbox, and reports.
struct FileMailboxRun {
    let mailbox: FileMailbox
    let locations: Locations

    /// Files the mailbox and returns the exit status that ``FileCommand``'s usage text describes.
    func run() -> Int32 {
        let messages: [FileMailboxMessage]
        do {
            messages = try mailbox.messages(maxMessageBytes: ServeCommand.defaultMaxMessageBytes)
        } catch {
            printToStandardError("hrbox: \(error)")
            return ExitStatus.usage
        }

        let filing: FileMailboxFiling
        do {
            filing = try prepareFiling()
        } catch {
            printToStandardError("hrbox: not stored: \(FilingReport.continuingSentence("\(error)"))")
            return ExitStatus.failure
        }

        do {
            let summary = try filing.file(
                messages,
                reportUnreadable: { message, reason in
                    printToStandardError("hrbox: skipped \(message.name): \(reason)")
                },
                progress: { summary in
                    printToStandardError(summary.progressLine)
                })
            print("hrbox: filed \(mailbox.path): \(summary.total) messages, \(summary.counts)")
            return summary.unreadable == 0 ? ExitStatus.success : ExitStatus.failure
        } catch {
            printToStandardError(error.description)
            return ExitStatus.failure
        }
    }

    /// Opens the existing store and checks the configuration, as `hrbox serve` does before a filing.
    private func prepareFiling() throws -> FileMailboxFiling {
        let configuration = try locations.loadConfiguration()
        let store = try locations.openExistingStore()
        if let colleague = configuration.colleague, try store.colleague(id: colleague) == nil {
            throw UnknownColleague(colleague: colleague, configurationPath: locations.configPath)
        }
        let filing = FileMailboxFiling(
            store: store,
            ownAddressKeys: configuration.ownAddressKeys,
            actor: AuditActor(colleague: configuration.colleague, client: "hrbox " + FileCommand.name))
        // Room for the pages of one whole batch, so that none is written to the log twice.
        try store.reserveWriteCache(bytes: filing.batchLimit.bytes)
        return filing
    }
}

/// A configured colleague missing from the store, who cannot be recorded as the author of filings.
struct UnknownColleague: Error, CustomStringConvertible {
    let colleague: String
    let configurationPath: String

    var description: String {
        "the configuration (\(configurationPath)) names the colleague \"\(colleague)\", who is not in the store. "
            + "Import the colleagues file with that id (hrbox colleagues import), or correct the colleague line."
    }
}
