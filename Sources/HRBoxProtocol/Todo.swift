/// A task for a colleague, planned by hand or created by a case type's workflow.
public struct Todo: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    public var title: String
    /// The due date as `YYYY-MM-DD`, or nil when the to-do has none.
    public var due: String?
    /// The colleague responsible for the to-do.
    public var assignee: String?
    /// Colleagues the to-do is shared with besides its assignee.
    public var sharedWith: [String]
    public var personId: Int64?
    public var caseId: Int64?
    /// The stored message the to-do was planned from.
    public var messageRef: Int64?
    public var done: Bool
    /// When the to-do was created, as an RFC 3339 instant in UTC.
    public var createdAt: String
    public var createdBy: String?
    /// The position of the workflow step that created the to-do, counting from 1; nil for a to-do planned by hand.
    public var workflowStep: Int?
    /// When the to-do was marked done, as an RFC 3339 instant in UTC; nil while open, and for a to-do
    /// marked done by an hrbox older than store schema version 2.
    public var doneAt: String?
    /// The colleague who marked the to-do done; nil while open or when unknown.
    public var doneBy: String?

    public init(
        id: Int64,
        title: String,
        due: String?,
        assignee: String?,
        sharedWith: [String],
        personId: Int64?,
        caseId: Int64?,
        messageRef: Int64?,
        done: Bool,
        createdAt: String,
        createdBy: String?,
        workflowStep: Int?,
        doneAt: String? = nil,
        doneBy: String? = nil
    ) {
        self.id = id
        self.title = title
        self.due = due
        self.assignee = assignee
        self.sharedWith = sharedWith
        self.personId = personId
        self.caseId = caseId
        self.messageRef = messageRef
        self.done = done
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.workflowStep = workflowStep
        self.doneAt = doneAt
        self.doneBy = doneBy
    }
}
