/// The counts of a back-filing run so far, one count per outcome of a message.
struct FileMailboxSummary: Equatable {
    /// The messages in the mailbox.
    var total = 0
    /// Messages stored now in the personnel file of their default person.
    var stored = 0
    /// Messages that were in that personnel file before.
    var alreadyFiled = 0
    /// Messages with no counterpart who is a person, which were not stored.
    var nobodyFound = 0
    /// Messages that could not be read or have no header fields, which were not stored.
    var unreadable = 0

    /// The messages dealt with: filed, found filed, or skipped.
    var done: Int {
        stored + alreadyFiled + nobodyFound + unreadable
    }

    static func + (left: FileMailboxSummary, right: FileMailboxSummary) -> FileMailboxSummary {
        FileMailboxSummary(
            total: left.total,
            stored: left.stored + right.stored,
            alreadyFiled: left.alreadyFiled + right.alreadyFiled,
            nobodyFound: left.nobodyFound + right.nobodyFound,
            unreadable: left.unreadable + right.unreadable)
    }

    /// The counts for a person to read, such as "9000 stored, 0 filed already, 1000 with no person found, 0 unreadable".
    var counts: String {
        "\(stored) stored, \(alreadyFiled) filed already, \(nobodyFound) with no person found, \(unreadable) unreadable"
    }

    /// The progress line written to stderr after each committed batch.
    var progressLine: String {
        "hrbox: \(done) of \(total) messages done: \(counts)"
    }
}
