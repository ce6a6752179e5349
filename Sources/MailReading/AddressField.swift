/// A header field that contains addresses.
public enum AddressField: String, Sendable, Hashable, CaseIterable {
    case from = "From"
    case sender = "Sender"
    case replyTo = "Reply-To"
    case to = "To"
    case cc = "Cc"
    case bcc = "Bcc"

    /// The field name as RFC 5322 writes it.
    public var headerName: String { rawValue }
}
