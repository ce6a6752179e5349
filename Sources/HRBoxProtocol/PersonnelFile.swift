/// `hrbox/personnelFile`: a person's whole personnel file: the person, their cases, open to-dos and filed messages.
public enum PersonnelFile: HRBoxMethod {
    public static let name = "hrbox/personnelFile"

    public struct Params: Codable, Sendable, Equatable {
        public var personId: Int64

        public init(personId: Int64) {
            self.personId = personId
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var person: Person
        /// All cases, open and closed, newest first.
        public var cases: [Case]
        /// Open to-dos for the person, earliest due date first.
        public var todos: [Todo]
        /// Filed messages, newest first by the message's date.
        public var messages: [FiledMessage]

        public init(person: Person, cases: [Case], todos: [Todo], messages: [FiledMessage]) {
            self.person = person
            self.cases = cases
            self.todos = todos
            self.messages = messages
        }
    }
}

/// A message in a personnel file, as the file lists it.
public struct FiledMessage: Codable, Sendable, Equatable {
    public var messageRef: Int64
    public var subject: String?
    /// The message's Date header as an RFC 3339 timestamp, or nil when it had none.
    public var date: String?
    public var direction: Direction
    public var caseId: Int64?
    public var caseTitle: String?
    public var filedAt: String
    public var filedBy: String?
    public var size: Int

    public init(
        messageRef: Int64,
        subject: String?,
        date: String?,
        direction: Direction,
        caseId: Int64?,
        caseTitle: String?,
        filedAt: String,
        filedBy: String?,
        size: Int
    ) {
        self.messageRef = messageRef
        self.subject = subject
        self.date = date
        self.direction = direction
        self.caseId = caseId
        self.caseTitle = caseTitle
        self.filedAt = filedAt
        self.filedBy = filedBy
        self.size = size
    }
}
