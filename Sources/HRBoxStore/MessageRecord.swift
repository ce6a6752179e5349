import Foundation
import HRBoxProtocol

/// A raw message to store, with the header fields the personnel file shows.
public struct MessageRecord: Sendable {
    /// The message's bytes, stored exactly as given; their SHA-256 is the message's identity.
    public var bytes: [UInt8]
    /// The Message-ID header.
    public var messageId: String?
    public var subject: String?
    /// The Date header as RFC 3339 with the sender's offset.
    public var date: String?
    /// The Date header as an instant, for ordering newest first.
    public var sortInstant: Date?
    public var direction: Direction

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
}
