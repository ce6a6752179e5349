/// The Content-Transfer-Encoding of a body part (RFC 2045 section 6).
enum TransferEncoding: Equatable {
    /// 7bit, 8bit or binary: the body is its own content.
    case identity
    case base64
    case quotedPrintable
    /// An encoding this reader does not know, such as x-uuencode; the body is taken as it is.
    case unknown(String)

    init(fieldValue: String?) {
        let name = (fieldValue ?? "").trimmingASCIIWhitespace().asciiLowercased()
        switch name {
        case "", "7bit", "8bit", "binary": self = .identity
        case "base64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .unknown(name)
        }
    }

    /// Decodes up to `maximumCount` bytes of a body.
    ///
    /// - Returns: the bytes and whether the body held characters its encoding does not allow.
    func decode(_ body: ArraySlice<UInt8>, maximumCount: Int = .max) -> (bytes: [UInt8], hadInvalidInput: Bool) {
        switch self {
        case .base64:
            let result = Base64.decode(body, maximumCount: maximumCount)
            return (result.bytes, result.hadInvalidCharacters)
        case .quotedPrintable:
            let result = QuotedPrintable.decode(body, maximumCount: maximumCount)
            return (result.bytes, result.hadInvalidEscapes)
        case .identity, .unknown:
            return (Array(body.prefix(maximumCount)), false)
        }
    }

    /// Counts the decoded octets of a body without storing them.
    func decodedCount(_ body: ArraySlice<UInt8>) -> (count: Int, hadInvalidInput: Bool) {
        switch self {
        case .base64:
            let result = Base64.decodedCount(body)
            return (result.count, result.hadInvalidCharacters)
        case .quotedPrintable:
            let result = QuotedPrintable.decodedCount(body)
            return (result.count, result.hadInvalidEscapes)
        case .identity, .unknown:
            return (body.count, false)
        }
    }
}
