/// `hrbox/audit`: the audit trail, newest first.
public enum Audit: HRBoxMethod {
    public static let name = "hrbox/audit"

    public struct Params: Codable, Sendable, Equatable {
        /// Only changes to this person's personnel file.
        public var personId: Int64?
        /// The most events to return, from 1 to 10000; the default is 100.
        public var limit: Int?

        public init(personId: Int64? = nil, limit: Int? = nil) {
            self.personId = personId
            self.limit = limit
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var events: [AuditEvent]

        public init(events: [AuditEvent]) {
            self.events = events
        }
    }
}
