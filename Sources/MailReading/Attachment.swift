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
    /// The part's MIME part path as IMAP numbers parts (RFC 3501), such as `2` or `2.1`: the numbers of
    /// the multipart children that lead to it, with `1` for the body of a message that is not
    /// multipart. Unlike `nestedIn`, it is unique within a message.
    public var partPath: String
    /// The part path of the attached message (message/rfc822 part) holding this attachment, or nil
    /// when the attachment belongs to the message itself.
    public var enclosingMessagePath: String?

    public init(filename: String?, contentType: String, size: Int, nestedIn: String?, partPath: String, enclosingMessagePath: String?) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.nestedIn = nestedIn
        self.partPath = partPath
        self.enclosingMessagePath = enclosingMessagePath
    }
}
