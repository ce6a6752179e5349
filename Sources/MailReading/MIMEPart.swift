/// One body part of a message in the part tree, with the header values that decide how to read it.
struct MIMEPart: Sendable {
    /// Index of the buffer in `MIMETree.buffers` that contains the part.
    let buffer: Int
    let headerFields: [HeaderField]
    /// The body's range in its buffer, still transfer-encoded.
    let body: Range<Int>
    /// The lower-cased `type/subtype`, `text/plain` when the part has no valid Content-Type.
    let contentType: String
    let contentTypeParameters: [String: String]
    /// The lower-cased Content-Disposition type, such as `attachment`, or nil without the field.
    let disposition: String?
    let dispositionParameters: [String: String]
    let transferEncoding: TransferEncoding
    /// 0 for the message itself; one more for each multipart or attached message around the part.
    let depth: Int
    /// The part's MIME part path as IMAP numbers parts (RFC 3501 section 6.4.5), such as [2, 1] for
    /// `2.1`. It is empty only for a multipart top-level message, which has no body of its own.
    let path: [Int]
    /// The name of the innermost attached message holding the part, or nil for parts of the message
    /// itself. See `MIMETree` for how the name is chosen.
    let enclosingMessage: String?
    /// The part path of the innermost attached message (message/rfc822 part) holding the part, or nil
    /// for parts of the message itself.
    let enclosingMessagePath: [Int]?

    /// The part path written with dots, such as `2.1`, or nil when the path is empty.
    var pathText: String? { MIMEPart.text(ofPath: path) }

    static func text(ofPath path: [Int]) -> String? {
        path.isEmpty ? nil : path.map(String.init).joined(separator: ".")
    }

    var isMultipart: Bool { contentType.hasPrefix("multipart/") }

    /// Whether the part is an attached message (message/rfc822 or message/global, RFC 6532).
    var isAttachedMessage: Bool { contentType == "message/rfc822" || contentType == "message/global" }

    /// The file name from Content-Disposition `filename`, else Content-Type `name`; nil when empty.
    var filename: String? {
        let name = (dispositionParameters["filename"] ?? contentTypeParameters["name"])?.trimmingASCIIWhitespace()
        return name?.isEmpty == false ? name : nil
    }

    /// Whether a mail client would list the part as an attachment rather than show it as body text.
    ///
    /// Attachments are attached messages, parts with a file name, parts with a disposition other than
    /// `inline` (RFC 2183 treats unknown ones as `attachment`), and any other leaf part that is not text.
    var isAttachment: Bool {
        if isMultipart {
            return false
        }
        if isAttachedMessage || filename != nil {
            return true
        }
        if let disposition, !disposition.isEmpty, disposition != "inline" {
            return true
        }
        return !contentType.hasPrefix("text/")
    }
}
