import JSONRPC

extension JSONPattern {
    /// Where and why a value does not match a pattern.
    public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
        /// The path to the part that differs, such as `error.code` or `[1].id`; empty for the whole value.
        public var path: String
        public var expected: String
        public var found: String

        public var description: String {
            "\(path.isEmpty ? "the value" : path): expected \(expected), found \(found)"
        }
    }

    /// Returns the first place where `value` differs from the pattern, or nil when it matches.
    public func mismatch(in value: JSONValue) -> Mismatch? {
        mismatch(in: value, at: "")
    }

    public func matches(_ value: JSONValue) -> Bool {
        mismatch(in: value) == nil
    }

    private func mismatch(in value: JSONValue, at path: String) -> Mismatch? {
        switch self {
        case .exact(let expected):
            return expected == value ? nil : Mismatch(path: path, expected: expected.description, found: value.description)
        case .kind(let kind):
            return kind.includes(value) ? nil : Mismatch(path: path, expected: "any \(kind.rawValue)", found: value.description)
        case .containing(let text):
            guard let string = value.stringValue, string.contains(text) else {
                return Mismatch(path: path, expected: "a string containing \(JSONValue.string(text))", found: value.description)
            }
            return nil
        case .oneOf(let patterns):
            guard patterns.contains(where: { $0.matches(value) }) else {
                return Mismatch(path: path, expected: "one of \(patterns.map(\.description).joined(separator: ", "))", found: value.description)
            }
            return nil
        case .array(let patterns):
            return mismatch(inArray: value, patterns: patterns, at: path)
        case .object(let members, let allowsOtherMembers):
            return mismatch(inObject: value, members: members, allowsOtherMembers: allowsOtherMembers, at: path)
        }
    }

    private func mismatch(inArray value: JSONValue, patterns: [JSONPattern], at path: String) -> Mismatch? {
        guard let elements = value.arrayValue else {
            return Mismatch(path: path, expected: "an array", found: value.description)
        }
        guard elements.count == patterns.count else {
            return Mismatch(path: path, expected: "an array of \(patterns.count) elements", found: value.description)
        }
        for (index, (pattern, element)) in zip(patterns, elements).enumerated() {
            if let mismatch = pattern.mismatch(in: element, at: "\(path)[\(index)]") {
                return mismatch
            }
        }
        return nil
    }

    private func mismatch(
        inObject value: JSONValue,
        members: [String: JSONPattern],
        allowsOtherMembers: Bool,
        at path: String
    ) -> Mismatch? {
        guard let object = value.objectValue else {
            return Mismatch(path: path, expected: "an object", found: value.description)
        }
        for name in members.keys.sorted() {
            let memberPath = path.isEmpty ? name : "\(path).\(name)"
            guard let member = object[name] else {
                return Mismatch(path: memberPath, expected: members[name]?.description ?? "a value", found: "no such member")
            }
            if let mismatch = members[name]?.mismatch(in: member, at: memberPath) {
                return mismatch
            }
        }
        if !allowsOtherMembers, let extra = object.keys.first(where: { members[$0] == nil }) {
            return Mismatch(path: path.isEmpty ? extra : "\(path).\(extra)", expected: "no such member", found: object[extra]?.description ?? "")
        }
        return nil
    }
}

extension JSONPattern.Kind {
    func includes(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.any, _), (.null, .null), (.boolean, .bool), (.number, .number), (.string, .string),
            (.array, .array), (.object, .object):
            true
        case (.integer, _):
            value.int64Value != nil
        default:
            false
        }
    }
}

extension JSONPattern: CustomStringConvertible {
    /// The pattern in its JSON form, compact.
    public var description: String {
        switch self {
        case .exact(let value):
            return value.description
        case .kind(let kind):
            return #"{"$type":"\#(kind.rawValue)"}"#
        case .containing(let text):
            return #"{"$contains":\#(JSONValue.string(text))}"#
        case .oneOf(let patterns):
            return #"{"$oneOf":[\#(patterns.map(\.description).joined(separator: ","))]}"#
        case .array(let patterns):
            return "[\(patterns.map(\.description).joined(separator: ","))]"
        case .object(let members, let allowsOtherMembers):
            let text = members.keys.sorted().map { "\(JSONValue.string($0)):\(members[$0]?.description ?? "")" }
            let object = "{\(text.joined(separator: ","))}"
            return allowsOtherMembers ? #"{"$partial":\#(object)}"# : object
        }
    }
}
