/// One mailbox of an address field: the addr-spec, its display name and its lookup key.
public struct MailAddress: Sendable, Hashable {
    /// The decoded display name without quotes, or nil when the mailbox has none.
    public var name: String?
    /// The addr-spec as written, without angle brackets or route, domain as written.
    public var address: String {
        didSet { lookupKey = AddressKey.lookupKey(for: address) }
    }
    /// The key that finds the person the address belongs to; see `AddressKey.lookupKey(for:)`.
    /// It follows every change of `address`.
    public private(set) var lookupKey: String
    /// The decoded text of the mailbox's first comment, such as `Robin Tester` in
    /// `robin@example.com (Robin Tester)`, or nil. A comment carries no meaning in RFC 5322, but old
    /// mail puts the name there.
    public var comment: String?

    public init(name: String?, address: String, comment: String? = nil) {
        self.name = name
        self.address = address
        self.lookupKey = AddressKey.lookupKey(for: address)
        self.comment = comment
    }

    /// The name to show: the display name, else the comment.
    public var displayName: String? {
        name ?? comment
    }
}
