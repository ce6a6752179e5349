/// Whether work on a case is still going on.
public enum CaseStatus: String, WireEnum {
    case open
    case closed
}

/// A matter in a person's personnel file, such as a sick leave or an application, started from a case type.
public struct Case: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    public var personId: Int64
    public var caseTypeId: Int64
    /// The name of the case type, so that clients need not look it up.
    public var caseType: String
    public var title: String
    public var status: CaseStatus
    /// The day the case started, as `YYYY-MM-DD`.
    public var startDate: String
    /// The colleague who started the case, when the server knew its user.
    public var startedBy: String?

    public init(
        id: Int64,
        personId: Int64,
        caseTypeId: Int64,
        caseType: String,
        title: String,
        status: CaseStatus,
        startDate: String,
        startedBy: String? = nil
    ) {
        self.id = id
        self.personId = personId
        self.caseTypeId = caseTypeId
        self.caseType = caseType
        self.title = title
        self.status = status
        self.startDate = startDate
        self.startedBy = startedBy
    }
}

/// A kind of case, such as onboarding or sick leave, with the workflow that starts with every case of it.
public struct CaseType: Codable, Sendable, Equatable, Hashable {
    public var id: Int64
    public var name: String
    public var workflow: [WorkflowStep]

    public init(id: Int64, name: String, workflow: [WorkflowStep]) {
        self.id = id
        self.name = name
        self.workflow = workflow
    }
}

/// A step of a case type's workflow: when a case starts, each step becomes a to-do.
public struct WorkflowStep: Codable, Sendable, Equatable, Hashable {
    public var title: String
    /// Days from the case's start date to the to-do's due date; 0 means due the day the case starts.
    public var dueAfterDays: Int
    /// The colleague the to-do is assigned to; nil assigns it to the colleague who starts the case.
    public var assignee: String?

    public init(title: String, dueAfterDays: Int, assignee: String? = nil) {
        self.title = title
        self.dueAfterDays = dueAfterDays
        self.assignee = assignee
    }
}
