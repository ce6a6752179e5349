/// The members of a JSON object in the order they were written or inserted, with lookup by name.
///
/// Names are unique: setting a member that exists replaces its value in place. Small objects are
/// searched linearly. From ``hashedLookupThreshold`` members on, a dictionary of positions keeps
/// lookup constant-time, so parsing an object with many members stays linear.
///
/// Equality ignores member order, as JSON does.
public struct JSONObject: Sendable {
    public typealias Member = (key: String, value: JSONValue)

    /// The member count from which lookups go through `positions` instead of a linear scan.
    static let hashedLookupThreshold = 12

    private var members: [Member]
    private var positions: [String: Int]?

    public init() {
        members = []
    }

    /// Creates an object from members in order; a name given twice keeps its first position and its last value.
    public init(_ members: some Sequence<Member>) {
        self.init()
        for member in members {
            self[member.key] = member.value
        }
    }

    public var keys: [String] {
        members.map(\.key)
    }

    public var values: [JSONValue] {
        members.map(\.value)
    }

    /// The value of the member named `key`; setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            position(of: key).map { members[$0].value }
        }
        set {
            if let newValue {
                setValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Appends a member unless one of that name exists already.
    ///
    /// - Returns: false, leaving the object unchanged, when the name is taken.
    @discardableResult
    public mutating func appendIfAbsent(key: String, value: JSONValue) -> Bool {
        guard position(of: key) == nil else {
            return false
        }
        append(key: key, value: value)
        return true
    }

    /// Removes the member named `key` and returns its value, or returns nil when there is none.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else {
            return nil
        }
        let removed = members.remove(at: position)
        positions = nil
        buildPositionsIfLarge()
        return removed.value
    }

    private mutating func setValue(_ value: JSONValue, forKey key: String) {
        if let position = position(of: key) {
            members[position].value = value
        } else {
            append(key: key, value: value)
        }
    }

    private mutating func append(key: String, value: JSONValue) {
        members.append((key, value))
        if positions != nil {
            positions?[key] = members.count - 1
        } else {
            buildPositionsIfLarge()
        }
    }

    private mutating func buildPositionsIfLarge() {
        guard members.count >= Self.hashedLookupThreshold else {
            return
        }
        var table = [String: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() {
            table[member.key] = position
        }
        positions = table
    }

    private func position(of key: String) -> Int? {
        if let positions {
            return positions[key]
        }
        return members.firstIndex { $0.key == key }
    }
}

extension JSONObject: RandomAccessCollection {
    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }

    public subscript(position: Int) -> Member {
        members[position]
    }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Hashes the members in an order-independent way, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}
