import Foundation
import HRBoxProtocol
import MailReading

/// A raw message to store, with the header fields the personnel file shows.
public struct MessageRecord: Sendable {
    /// The message's bytes, stored exactly as given; their SHA-256 is the message's identity.
    public var bytes: [UInt8] {
        didSet {
            mail = nil
            knownSHA256 = nil
        }
    }
    /// The Message-ID header.
    public var messageId: String?
    public var subject: String?
    /// The Date header as RFC 3339 with the sender's offset.
    public var date: String?
    /// The Date header as an instant, for ordering newest first.
    public var sortInstant: Date?
    public var direction: Direction
    /// The reading of ``bytes`` when the caller made one, so that search indexing does not parse the
    /// message again. It is nil once ``bytes`` change.
    public private(set) var mail: MailMessage?
    /// The SHA-256 of ``bytes`` in lower-case hex when the caller computed it, so that the store does
    /// not hash a large message again. It is nil once ``bytes`` change.
    public private(set) var knownSHA256: String?

    public init(
        bytes: [UInt8],
        messageId: String? = nil,
        subject: String? = nil,
        date: String? = nil,
        sortInstant: Date? = nil,
        direction: Direction
    ) {
        self.bytes = bytes
        self.messageId = messageId
        self.subject = subject
        self.date = date
        self.sortInstant = sortInstant
        self.direction = direction
    }

    /// Makes the record of a message read already, with its header fields, so that storing it reads
    /// it no second time.
    /// - Parameter sha256: The SHA-256 of `mail.ownBytes` as ``SHA256/hex(_:)`` returns it, when the
    ///   caller computed it already; the store computes it when nil.
    public init(mail: MailMessage, direction: Direction, sha256: String? = nil) {
        self.init(
            bytes: mail.ownBytes,
            messageId: mail.messageID,
            subject: mail.subject,
            date: mail.date?.rfc3339,
            sortInstant: mail.date?.instant,
            direction: direction)
        self.mail = mail
        knownSHA256 = sha256
    }
}
