import HRBoxProtocol
import HRBoxStore
import MailReading

/// Files every message of a mailbox for its default person, the person `hrbox/lookup` offers first.
///
/// Messages are filed in batches, one transaction each. A batch that fails is rolled back whole and
/// the run stops, while the batches before it stay committed, so running again files the rest and
/// counts the committed messages as filed already. Batches rather than one transaction for the whole
/// mailbox keep that loss small and let a mail client's `hrbox serve` write between two batches
/// within its busy timeout of 5 s.
struct FileMailboxFiling {
    /// The maximum number of messages, and of message bytes, that one transaction files.
    struct BatchLimit {
        var messages = 1_000
        var bytes = 64 << 20
    }

    let store: Store
    let ownAddressKeys: Set<String>
    let actor: AuditActor
    var batchLimit = BatchLimit()

    /// Files the messages in batches, calling `progress` after each committed batch.
    /// - Parameters:
    ///   - reportUnreadable: Called for each message that is not filed because it cannot be read.
    ///   - progress: Called with the counts of every committed batch so far.
    /// - Returns: The counts of the whole run.
    /// - Throws: ``FileMailboxStopped`` when the store fails; its summary counts the committed batches.
    func file(
        _ messages: [FileMailboxMessage],
        reportUnreadable: (FileMailboxMessage, String) -> Void,
        progress: (FileMailboxSummary) -> Void
    ) throws(FileMailboxStopped) -> FileMailboxSummary {
        var committed = FileMailboxSummary(total: messages.count)
        var people = PersonCache()
        var next = 0
        while next < messages.count {
            var batch = FileMailboxSummary()
            var batchEnd = next
            do {
                try store.write { () throws(StoreError) in
                    var batchBytes = 0
                    batch = FileMailboxSummary()
                    batchEnd = next
                    while batchEnd < messages.count, batchEnd - next < batchLimit.messages, batchBytes < batchLimit.bytes {
                        let message = messages[batchEnd]
                        batchEnd += 1
                        batchBytes += try fileOne(message, into: &batch, people: &people, reportUnreadable: reportUnreadable)
                    }
                }
            } catch {
                throw FileMailboxStopped(summary: committed, failedMessage: messages[max(batchEnd - 1, next)].name, error: error)
            }
            committed = committed + batch
            next = batchEnd
            progress(committed)
        }
        return committed
    }

    /// Files one message inside the batch's transaction and counts what happened.
    /// - Returns: The number of bytes read.
    private func fileOne(
        _ message: FileMailboxMessage,
        into batch: inout FileMailboxSummary,
        people: inout PersonCache,
        reportUnreadable: (FileMailboxMessage, String) -> Void
    ) throws(StoreError) -> Int {
        let bytes: [UInt8]
        do {
            bytes = try message.load()
        } catch {
            batch.unreadable += 1
            reportUnreadable(message, error.reason)
            return 0
        }

        let mail = MailMessage(bytes: bytes)
        guard !mail.headerFields.isEmpty else {
            batch.unreadable += 1
            reportUnreadable(message, bytes.isEmpty ? "the file is empty" : "no header fields were found")
            return bytes.count
        }
        guard let person = try defaultPerson(of: mail, people: &people) else {
            batch.nobodyFound += 1
            return bytes.count
        }

        let direction: Direction = mail.direction(ownAddressKeys: ownAddressKeys) == .sent ? .sent : .received
        let record = MessageRecord(mail: mail, direction: direction)
        let filed = try store.file(record, targets: [FilingTarget(personId: person.id, caseId: nil)], filedBy: actor.colleague)
        if filed.outcomes.contains(where: { !$0.alreadyFiled }) {
            try store.recordAudit(.filed, by: actor, about: AuditSubject(personId: person.id, caseId: nil, messageRef: filed.messageRef))
            batch.stored += 1
        } else {
            batch.alreadyFiled += 1
        }
        return bytes.count
    }

    /// Returns the first counterpart who is a person, as `hrbox/lookup` picks its default person:
    /// the sender of a received message, the first recipient of a sent one, own addresses left out.
    private func defaultPerson(of mail: MailMessage, people: inout PersonCache) throws(StoreError) -> Person? {
        for candidate in mail.counterparts(ownAddressKeys: ownAddressKeys) {
            if let person = try people.owner(of: candidate, in: store) {
                return person
            }
        }
        return nil
    }
}

/// The owners of the addresses met so far in a run, found or not, so that each is looked up once.
///
/// The run's own transactions change no address, so a found owner stays true for the whole run, apart
/// from a person another process adds meanwhile, who is filed for only from the next run on.
struct PersonCache {
    private var ownerByKey: [String: Person?] = [:]

    mutating func owner(of address: MailAddress, in store: Store) throws(StoreError) -> Person? {
        if let known = ownerByKey[address.lookupKey] {
            return known
        }
        let owner = try store.person(ownerOf: address.address)
        ownerByKey[address.lookupKey] = owner
        return owner
    }
}

/// A back-filing run that the store stopped, with what was committed before.
struct FileMailboxStopped: Error, CustomStringConvertible {
    /// The counts of the committed batches.
    let summary: FileMailboxSummary
    /// The message being filed when the store failed.
    let failedMessage: String
    let error: StoreError

    var description: String {
        "hrbox: stopped at \(failedMessage): \(error.redactedDescription). The batch of messages being "
            + "filed was rolled back; \(summary.done) of \(summary.total) messages were done before (\(summary.counts)). "
            + "Run the command again to file the rest: messages filed already are skipped."
    }
}
