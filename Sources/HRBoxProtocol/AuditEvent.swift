/// The kind of change an audit event records.
public enum AuditAction: String, WireEnum {
    case filed
    case unfiled
    case moved
    case personAdded
    /// A person's name, main address, employee number, department, job title or status changed.
    case personUpdated
    case addressAdded
    case addressRemoved
    case caseStarted
    case todoAdded
    case todoDone
    /// `hrbox store copy` copied another store into this one, which was empty before.
    case storeCopied
}

/// One change in the audit trail: who made it, when, from which client, and what it changed.
///
/// An event never contains a message's bytes or body, only the message's reference.
public struct AuditEvent: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    /// When the change was made, as an RFC 3339 instant in UTC.
    public var recordedAt: String
    /// The id of the colleague who made the change, or nil when the user named no colleague.
    public var colleague: String?
    /// The client's name from `initialize`, or the command such as `hrbox people import`.
    public var client: String?
    public var action: AuditAction
    public var personId: Int64?
    public var caseId: Int64?
    public var messageRef: Int64?
    public var todoId: Int64?
    /// Further facts needed to understand the change, such as the address added or the filing a message
    /// moved from.
    public var details: [String: String]

    public init(
        id: Int64,
        recordedAt: String,
        colleague: String?,
        client: String?,
        action: AuditAction,
        personId: Int64?,
        caseId: Int64?,
        messageRef: Int64?,
        todoId: Int64?,
        details: [String: String]
    ) {
        self.id = id
        self.recordedAt = recordedAt
        self.colleague = colleague
        self.client = client
        self.action = action
        self.personId = personId
        self.caseId = caseId
        self.messageRef = messageRef
        self.todoId = todoId
        self.details = details
    }
}

extension AuditEvent {
    private enum CodingKeys: String, CodingKey {
        case id, recordedAt, colleague, client, action, personId, caseId, messageRef, todoId, details
    }

    /// Encodes the event with `details` in key order, because a dictionary's own order changes from
    /// one process to the next and readers of the audit trail compare events as text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(recordedAt, forKey: .recordedAt)
        try container.encodeIfPresent(colleague, forKey: .colleague)
        try container.encodeIfPresent(client, forKey: .client)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(personId, forKey: .personId)
        try container.encodeIfPresent(caseId, forKey: .caseId)
        try container.encodeIfPresent(messageRef, forKey: .messageRef)
        try container.encodeIfPresent(todoId, forKey: .todoId)

        var detailsContainer = container.nestedContainer(keyedBy: DetailKey.self, forKey: .details)
        for (key, value) in details.sorted(by: { $0.key < $1.key }) {
            try detailsContainer.encode(value, forKey: DetailKey(key))
        }
    }
}

/// A key of an audit event's `details`.
private struct DetailKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ stringValue: String) {
        self.stringValue = stringValue
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
