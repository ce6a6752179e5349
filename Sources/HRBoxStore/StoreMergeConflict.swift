/// A source person who cannot be merged because their addresses and employee number lead to more
/// than one destination person.
public struct StoreMergeConflict: Sendable, Equatable, CustomStringConvertible {
    /// The address or employee number that ties a source person to a destination person.
    public enum Key: Sendable, Equatable, CustomStringConvertible {
        case address(String)
        case employeeNumber(String)

        public var description: String {
            switch self {
            case .address(let address):
                "address \(address)"
            case .employeeNumber(let number):
                "employee number \(number)"
            }
        }
    }

    /// One destination person a source person matches, and the key that matched.
    public struct Match: Sendable, Equatable {
        public var destinationPersonId: Int64
        public var key: Key

        public init(destinationPersonId: Int64, key: Key) {
            self.destinationPersonId = destinationPersonId
            self.key = key
        }
    }

    public var sourcePersonId: Int64
    /// Every match of the source person, ordered by destination person. They name two people or more.
    public var matches: [Match]

    public init(sourcePersonId: Int64, matches: [Match]) {
        self.sourcePersonId = sourcePersonId
        self.matches = matches
    }

    public var description: String {
        let matchList = matches.map { "\($0.key) belongs to destination person \($0.destinationPersonId)" }
        return "Source person \(sourcePersonId): " + matchList.joined(separator: ", ")
    }
}
