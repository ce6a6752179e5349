/// A part of a message that a mail client lists as an attachment.
public struct Attachment: Sendable, Hashable {
    /// The decoded file name from Content-Disposition or Content-Type, or nil when the part has none.
    public var filename: String?
    /// The lower-cased media type without parameters, such as `application/pdf`.
    public var contentType: String
    /// The size of the decoded content in octets.
    public var size: Int
    /// The attached message holding this attachment (its file name, else its Subject, else its
    /// Message-ID), or nil when the attachment belongs to the message itself.
    public var nestedIn: String?

    public init(filename: String?, contentType: String, size: Int, nestedIn: String?) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.nestedIn = nestedIn
    }
}
