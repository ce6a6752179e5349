/// A named group of mailboxes in an address field (RFC 5322 section 3.4), such as
/// `Project Team: dana@example.org, sam@example.net;` or the empty `undisclosed-recipients:;`.
public struct MailGroup: Sendable, Hashable {
    /// The field the group is in.
    public var field: AddressField
    /// The decoded group name.
    public var name: String
    /// The group's mailboxes in order; they appear in the field's address list too.
    public var members: [MailAddress]

    public init(field: AddressField, name: String, members: [MailAddress]) {
        self.field = field
        self.name = name
        self.members = members
    }
}
