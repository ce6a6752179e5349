/// Whether the user received a message or sent it, decided by the user's own addresses.
public enum Direction: String, WireEnum {
    case received
    case sent
}

/// The place a stored message is filed in: a person's personnel file, and optionally one of their cases.
public struct FilingTarget: Codable, Sendable, Equatable, Hashable {
    public var personId: Int64
    /// The case to file under; nil files in the personnel file without a case.
    public var caseId: Int64?

    public init(personId: Int64, caseId: Int64? = nil) {
        self.personId = personId
        self.caseId = caseId
    }
}

/// One filing of a stored message, as `hrbox/lookup` lists them.
public struct Filing: Codable, Sendable, Equatable, Hashable {
    public var messageRef: Int64
    public var personId: Int64
    public var personName: String
    public var caseId: Int64?
    public var caseTitle: String?
    public var direction: Direction
    /// When the message was filed, as an RFC 3339 instant in UTC.
    public var filedAt: String
    public var filedBy: String?

    public init(
        messageRef: Int64,
        personId: Int64,
        personName: String,
        caseId: Int64?,
        caseTitle: String?,
        direction: Direction,
        filedAt: String,
        filedBy: String?
    ) {
        self.messageRef = messageRef
        self.personId = personId
        self.personName = personName
        self.caseId = caseId
        self.caseTitle = caseTitle
        self.direction = direction
        self.filedAt = filedAt
        self.filedBy = filedBy
    }
}
