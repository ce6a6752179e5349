/// `hrbox/addPerson`: registers a new person, typically for an address no one owns yet.
public enum AddPerson: HRBoxMethod {
    public static let name = "hrbox/addPerson"

    public typealias Params = NewPerson

    public struct Result: Codable, Sendable, Equatable {
        public var person: Person

        public init(person: Person) {
            self.person = person
        }
    }
}
