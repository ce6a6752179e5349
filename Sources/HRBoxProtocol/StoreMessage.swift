/// `hrbox/store`: files a message for one or more people, each optionally under one of their cases,
/// all in one transaction.
public enum StoreMessage: HRBoxMethod {
    public static let name = "hrbox/store"

    public struct Params: Codable, Sendable, Equatable {
        public var message: MessageSource
        /// At least one target; the same person may appear with different cases.
        public var targets: [FilingTarget]

        public init(message: MessageSource, targets: [FilingTarget]) {
            self.message = message
            self.targets = targets
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The stored message, the same for every target.
        public var messageRef: Int64
        /// One outcome per target, in the order of the targets.
        public var filings: [FilingOutcome]

        public init(messageRef: Int64, filings: [FilingOutcome]) {
            self.messageRef = messageRef
            self.filings = filings
        }
    }
}

/// The outcome of filing for one target.
public struct FilingOutcome: Codable, Sendable, Equatable {
    public var personId: Int64
    public var caseId: Int64?
    /// True when the message was filed for this person and case before, so nothing new was stored.
    public var alreadyFiled: Bool
    /// When the filing was made: now, or the earlier time when it was filed already.
    public var filedAt: String

    public init(personId: Int64, caseId: Int64?, alreadyFiled: Bool, filedAt: String) {
        self.personId = personId
        self.caseId = caseId
        self.alreadyFiled = alreadyFiled
        self.filedAt = filedAt
    }
}
