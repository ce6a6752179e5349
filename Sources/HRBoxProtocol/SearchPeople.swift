/// `hrbox/searchPeople`: finds people by name, address or employee number.
///
/// The query matches literally (no wildcards), ignoring letter case and accents, anywhere in a
/// first name, last name, full name, address or employee number.
public enum SearchPeople: HRBoxMethod {
    public static let name = "hrbox/searchPeople"

    public struct Params: Codable, Sendable, Equatable {
        public var query: String
        /// The maximum number of people returned; the server's default is 20.
        public var limit: Int?

        public init(query: String, limit: Int? = nil) {
            self.query = query
            self.limit = limit
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// Best matches first: exact address or employee number, then names that start with the query.
        public var people: [Person]

        public init(people: [Person]) {
            self.people = people
        }
    }
}
