/// `hrbox/addAddress`: gives a person one more address, unique across all people.
public enum AddAddress: HRBoxMethod {
    public static let name = "hrbox/addAddress"

    public struct Params: Codable, Sendable, Equatable {
        public var personId: Int64
        /// An addr-spec such as `anna@example.com`.
        public var address: String

        public init(personId: Int64, address: String) {
            self.personId = personId
            self.address = address
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The person with all their addresses, the main one first.
        public var person: Person
        /// False when the person had the address already, so nothing changed.
        public var added: Bool

        public init(person: Person, added: Bool) {
            self.person = person
            self.added = added
        }
    }
}

/// `hrbox/removeAddress`: takes an address from a person; removing the main address makes the next one main.
public enum RemoveAddress: HRBoxMethod {
    public static let name = "hrbox/removeAddress"

    public typealias Params = AddAddress.Params

    public struct Result: Codable, Sendable, Equatable {
        /// The person with their remaining addresses, possibly none.
        public var person: Person

        public init(person: Person) {
            self.person = person
        }
    }
}
