/// The start of a message's body text, for showing before it is filed.
enum PreviewText {
    /// How many characters a preview keeps.
    static let maximumLength = 300
    /// How many decoded bytes of a text/plain part are read; more than enough for the preview.
    private static let plainByteLimit = 16 * 1024
    /// How many decoded bytes of a text/html part are read, as markup can take far more room than text.
    private static let htmlByteLimit = 256 * 1024

    /// Returns the first characters of the message's first text/plain body part, else of its first
    /// text/html body part with markup removed, or an empty text when there is neither.
    ///
    /// Each run of white space becomes one space. Attachments and parts of attached messages are not
    /// body parts.
    static func make(from tree: MIMETree, defects: inout DefectList) -> String {
        let bodyParts = tree.parts.filter { $0.enclosingMessage == nil && !$0.isAttachment }

        if let plain = bodyParts.first(where: { $0.contentType == "text/plain" }) {
            let text = decodedText(of: plain, in: tree, byteLimit: plainByteLimit, defects: &defects)
            return collapsed(text)
        }
        if let html = bodyParts.first(where: { $0.contentType == "text/html" }) {
            let markup = decodedText(of: html, in: tree, byteLimit: htmlByteLimit, defects: &defects)
            return collapsed(HTMLText.text(of: markup, limit: maximumLength * 8))
        }
        return ""
    }

    /// Decodes the transfer encoding and charset of the first `byteLimit` bytes of a part.
    private static func decodedText(of part: MIMEPart, in tree: MIMETree, byteLimit: Int, defects: inout DefectList) -> String {
        let decoded = part.transferEncoding.decode(tree.encodedBody(of: part), maximumCount: byteLimit)
        if decoded.hadInvalidInput {
            defects.add(.invalidTransferEncoding, "A text part holds characters outside its transfer encoding; they were skipped.")
        }

        var bytes = decoded.bytes[...]
        if bytes.count == byteLimit {
            bytes = withoutCutUTF8Sequence(bytes)
        }
        var label = part.contentTypeParameters["charset"]
        if label == nil, part.contentType == "text/html" {
            label = HTMLCharset.declared(in: bytes)
        }
        return TextDecoding.decode(bytes, label: label, field: nil, defects: &defects)
    }

    /// Drops a UTF-8 sequence that the byte limit cut short, so that cutting alone does not make
    /// valid UTF-8 text look invalid.
    private static func withoutCutUTF8Sequence(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let maximumSequenceLength = 4
        var leadIndex = bytes.endIndex
        for index in stride(from: bytes.endIndex - 1, through: max(bytes.startIndex, bytes.endIndex - maximumSequenceLength), by: -1) {
            if bytes[index] & 0xC0 != 0x80 {
                leadIndex = index
                break
            }
        }
        guard leadIndex < bytes.endIndex else { return bytes }

        let lead = bytes[leadIndex]
        let expectedLength: Int
        switch lead {
        case 0xF0...: expectedLength = 4
        case 0xE0...: expectedLength = 3
        case 0xC0...: expectedLength = 2
        default: expectedLength = 1
        }
        return bytes.endIndex - leadIndex < expectedLength ? bytes[..<leadIndex] : bytes
    }

    /// Returns the text with each run of white space made one space, trimmed and cut to
    /// `maximumLength` characters.
    private static func collapsed(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        var count = 0

        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            guard count + (pendingSpace ? 1 : 0) < maximumLength else { break }
            if pendingSpace {
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            result.append(character)
            count += 1
        }
        return result
    }
}
