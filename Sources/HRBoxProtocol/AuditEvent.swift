/// The kind of change an audit event records.
public enum AuditAction: String, WireEnum {
    case filed
    case unfiled
    case moved
    case personAdded
    case addressAdded
    case addressRemoved
    case caseStarted
    case todoAdded
    case todoDone
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
    /// What else the change needs to be understood, such as the address added or where a message moved from.
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
