/// `hrbox/cases`: lists a person's cases, newest first.
public enum Cases: HRBoxMethod {
    public static let name = "hrbox/cases"

    public struct Params: Codable, Sendable, Equatable {
        public var personId: Int64
        /// Also list closed cases; the default lists open ones only.
        public var includeClosed: Bool?

        public init(personId: Int64, includeClosed: Bool? = nil) {
            self.personId = personId
            self.includeClosed = includeClosed
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var cases: [Case]

        public init(cases: [Case]) {
            self.cases = cases
        }
    }
}
