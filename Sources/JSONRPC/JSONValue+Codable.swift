/// Lets a Codable type hold a free-form ``JSONValue`` member, such as the `data` of an error.
///
/// ``JSONValueEncoder`` and ``JSONValueDecoder`` pass the value through unchanged. Other coders, such
/// as Foundation's `JSONDecoder`, see only Swift's standard types, so number literals are normalized
/// and object members may change order there.
extension JSONValue: Codable {
    private struct MemberKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        if let value = try Self.decodeScalar(from: decoder) {
            self = value
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd {
                elements.append(try container.decode(JSONValue.self))
            }
            self = .array(elements)
        } else {
            let container = try decoder.container(keyedBy: MemberKey.self)
            var object = JSONObject()
            for key in container.allKeys {
                object[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
        }
    }

    /// Decodes null, a boolean, a number or a string; returns nil when the value is an array or object.
    private static func decodeScalar(from decoder: any Decoder) throws -> JSONValue? {
        guard let container = try? decoder.singleValueContainer() else {
            return nil
        }
        if container.decodeNil() {
            return .null
        }
        if let flag = try? container.decode(Bool.self) {
            return .bool(flag)
        }
        if let integer = try? container.decode(Int64.self) {
            return JSONValue(integer)
        }
        if let double = try? container.decode(Double.self) {
            return JSONValue(double)
        }
        if let text = try? container.decode(String.self) {
            return .string(text)
        }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number:
            var container = encoder.singleValueContainer()
            if let integer = int64Value {
                try container.encode(integer)
            } else if let double = doubleValue {
                try container.encode(double)
            } else {
                throw EncodingError.invalidValue(
                    self,
                    EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "the number literal does not fit a Double")
                )
            }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in object {
                try container.encode(member.value, forKey: MemberKey(stringValue: member.key))
            }
        }
    }
}
