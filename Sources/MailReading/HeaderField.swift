/// One header field of a message or body part, as written.
public struct HeaderField: Sendable, Hashable {
    /// The field name as written, such as `Subject`.
    public let name: String
    /// The value as written after the colon, with its folding line breaks.
    ///
    /// Bytes that are not UTF-8 are read as windows-1252; encoded words (RFC 2047) are left encoded.
    public let rawValue: String
    /// The value with folding line breaks removed and surrounding white space trimmed.
    public let unfoldedValue: String

    public init(name: String, rawValue: String, unfoldedValue: String) {
        self.name = name
        self.rawValue = rawValue
        self.unfoldedValue = unfoldedValue
    }

    /// Tells whether the field has the given name, ignoring case as RFC 5322 requires.
    func hasName(_ other: String) -> Bool {
        name.utf8.count == other.utf8.count && name.asciiLowercased() == other.asciiLowercased()
    }
}

extension Array where Element == HeaderField {
    /// Returns the unfolded values of every field with the given name, in order.
    func values(of name: String) -> [String] {
        filter { $0.hasName(name) }.map(\.unfoldedValue)
    }
}
