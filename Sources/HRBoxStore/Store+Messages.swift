import HRBoxProtocol
import MailReading

extension Store {
    /// Stores a message's bytes without filing it, as the message a to-do is planned from.
    /// - Returns: The message's reference; the same as before when the same bytes were stored already.
    public func keepMessage(_ message: MessageRecord) throws(StoreError) -> Int64 {
        let sha256 = message.knownSHA256 ?? SHA256.hex(message.bytes)
        return try write { () throws(StoreError) -> Int64 in
            try storeMessage(message, sha256: sha256)
        }
    }

    /// Returns a stored message's bytes exactly as they were stored, or nil when no message has the reference.
    public func rawMessage(ref: Int64) throws(StoreError) -> [UInt8]? {
        try connection.queryFirst("SELECT raw FROM messages WHERE id = ?", [.integer(ref)]) { $0.blob(0) }
    }

    func messageExists(ref: Int64) throws(StoreError) -> Bool {
        try connection.queryFirst("SELECT 1 FROM messages WHERE id = ?", [.integer(ref)]) { _ in true } ?? false
    }

    /// Inserts the message unless a message with the same SHA-256 is stored, inside the caller's transaction.
    /// - Returns: The reference of the message with these bytes.
    func storeMessage(_ message: MessageRecord, sha256: String) throws(StoreError) -> Int64 {
        let inserted = try connection.execute(
            """
            INSERT INTO messages (sha256, raw, size, message_id, subject, date, sort_instant, stored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sha256) DO NOTHING
            """,
            [
                .text(sha256),
                .blob(message.bytes),
                SQLValue(message.bytes.count),
                SQLValue(message.messageId),
                SQLValue(message.subject),
                SQLValue(message.date),
                message.sortInstant.map { .real($0.timeIntervalSince1970) } ?? .null,
                .text(now()),
            ]
        )
        let ref = try connection.queryFirst("SELECT id FROM messages WHERE sha256 = ?", [.text(sha256)]) { $0.integer(0) }
        guard let ref else {
            throw .invalidValue(field: "message", reason: "the message was not stored. Try to file it again.")
        }
        if inserted == 1 {
            try indexMessage(ref: ref, mail: message.mail ?? MailMessage(bytes: message.bytes))
        }
        return ref
    }
}
