/// A JSON value as RFC 8259 defines it.
///
/// Numbers keep the literal exactly as written, so that a request id such as `7` or `1.50` goes back
/// to the client unchanged. Objects keep their members in order. Two values are equal when they have
/// the same structure: objects compare members regardless of order, and numbers compare their
/// literals, so `1.0` and `1` are different values.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number literal valid under RFC 8259, such as `-12`, `0.5` or `6.02e23`.
    ///
    /// The case itself does not check its literal. ``init(numberLiteral:)`` does, and the writer
    /// rejects a value that contains an invalid one.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Creates a number from a literal, or returns nil when the literal is not a valid JSON number.
    public init?(numberLiteral literal: String) {
        guard JSONNumberSyntax.isValid(literal) else {
            return nil
        }
        self = .number(literal)
    }

    /// Creates a number from an integer.
    public init(_ integer: some BinaryInteger) {
        self = .number(String(integer))
    }

    /// Creates a number from a double, or returns nil for NaN and the infinities, which JSON cannot represent.
    public init?(_ double: Double) {
        guard double.isFinite else {
            return nil
        }
        self = .number(String(double))
    }
}

// MARK: - Accessors

extension JSONValue {
    public var isNull: Bool {
        if case .null = self {
            return true
        }
        return false
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self {
            return value
        }
        return nil
    }

    public var stringValue: String? {
        if case .string(let value) = self {
            return value
        }
        return nil
    }

    /// The number as an `Int64` when its literal is an integer (no fraction, no exponent) in range.
    public var int64Value: Int64? {
        if case .number(let literal) = self {
            return JSONNumberSyntax.integer(literal, as: Int64.self)
        }
        return nil
    }

    /// The number as an `Int` under the same rules as ``int64Value``.
    public var intValue: Int? {
        if case .number(let literal) = self {
            return JSONNumberSyntax.integer(literal, as: Int.self)
        }
        return nil
    }

    /// The number as the nearest `Double`, or nil when it is not a number or too large to be finite.
    public var doubleValue: Double? {
        if case .number(let literal) = self, let value = Double(literal), value.isFinite {
            return value
        }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self {
            return elements
        }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self {
            return object
        }
        return nil
    }

    /// The member named `key` of an object; nil when the value is not an object or has no such member.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` of an array; nil when the value is not an array or the index is out of range.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else {
            return nil
        }
        return elements[index]
    }

    /// The kind of value as error messages name it, such as "a string" or "null".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) {
        self = .null
    }

    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    public init(integerLiteral value: Int64) {
        self = .number(String(value))
    }

    public init(stringLiteral value: String) {
        self = .string(value)
    }

    public init(arrayLiteral elements: JSONValue...) {
        self = .array(elements)
    }

    /// Creates an object; a key given twice keeps its first position and its last value.
    public init(dictionaryLiteral members: (String, JSONValue)...) {
        var object = JSONObject()
        for (key, value) in members {
            object[key] = value
        }
        self = .object(object)
    }
}
