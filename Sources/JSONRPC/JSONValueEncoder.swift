/// Encodes `Encodable` values straight to ``JSONValue``, without going through JSON text.
///
/// Optionals that are nil are left out, because the synthesized `encode(to:)` uses `encodeIfPresent`.
/// A value that encodes nothing, such as an empty struct, becomes `{}`. Integers become their decimal
/// literals and doubles the shortest literal that reads back as the same double.
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// - Throws: `EncodingError.invalidValue` for NaN or an infinity, or any error `value.encode(to:)` throws.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        try EncodingNode.encode(value, codingPath: []).resolved()
    }
}

/// A value under construction. Containers share nodes by reference, because Swift's `Encoder` API
/// hands out containers that outlive the calls that create them.
final class EncodingNode {
    enum Content {
        case unset
        case value(JSONValue)
        /// Members in the order they were set. A key set twice appears twice here, and
        /// ``resolved()`` keeps its first position and its last node, as JSONObject does.
        case object([(key: String, node: EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content

    init(_ content: Content = .unset) {
        self.content = content
    }

    static func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws -> EncodingNode {
        if let json = value as? JSONValue {
            return EncodingNode(.value(json))
        }
        let node = EncodingNode()
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        return node
    }

    func resolved() -> JSONValue {
        switch content {
        case .unset:
            return .object(JSONObject())
        case .value(let value):
            return value
        case .object(let members):
            return .object(JSONObject(members.map { ($0.key, $0.node.resolved()) }))
        case .array(let elements):
            return .array(elements.map { $0.resolved() })
        }
    }

    /// Turns the node into an object unless it is one, and returns it for a keyed container.
    func becomeObject() {
        if case .object = content {
            return
        }
        content = .object([])
    }

    func becomeArray() {
        if case .array = content {
            return
        }
        content = .array([])
    }

    func setChild(_ child: EncodingNode, forKey key: String) {
        guard case .object(var members) = content else {
            return
        }
        content = .unset
        members.append((key, child))
        content = .object(members)
    }

    func appendChild(_ child: EncodingNode) {
        guard case .array(var elements) = content else {
            return
        }
        content = .unset
        elements.append(child)
        content = .array(elements)
    }

    var arrayCount: Int {
        if case .array(let elements) = content {
            return elements.count
        }
        return 0
    }
}

/// Converts the scalar types `Encoder` containers take into JSON values.
enum ScalarEncoding {
    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONValue {
        guard let json = JSONValue(value) else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no NaN or infinity")
            )
        }
        return json
    }

    static func number(_ value: Float, codingPath: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "JSON has no NaN or infinity")
            )
        }
        return .number(String(value))
    }
}

struct NodeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(KeyedNodeEncodingContainer(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return UnkeyedNodeEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueNodeEncodingContainer(node: node, codingPath: codingPath)
    }
}

struct KeyedNodeEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue, forKey key: Key) {
        node.setChild(EncodingNode(.value(value)), forKey: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, forKey: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(JSONValue(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(JSONValue(value), forKey: key) }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        set(try ScalarEncoding.number(value, codingPath: codingPath + [key]), forKey: key)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        set(try ScalarEncoding.number(value, codingPath: codingPath + [key]), forKey: key)
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        node.setChild(try EncodingNode.encode(value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode(.object([]))
        node.setChild(child, forKey: key.stringValue)
        return KeyedEncodingContainer(KeyedNodeEncodingContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodingNode(.array([]))
        node.setChild(child, forKey: key.stringValue)
        return UnkeyedNodeEncodingContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: CodingPathKey.superKey)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(forKey: key as any CodingKey)
    }

    private func superEncoder(forKey key: any CodingKey) -> any Encoder {
        let child = EncodingNode()
        node.setChild(child, forKey: key.stringValue)
        return NodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

struct UnkeyedNodeEncodingContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    var count: Int { node.arrayCount }

    private var nextKey: any CodingKey { CodingPathKey(index: count) }

    private func append(_ value: JSONValue) {
        node.appendChild(EncodingNode(.value(value)))
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Int) throws { append(JSONValue(value)) }
    mutating func encode(_ value: Int8) throws { append(JSONValue(value)) }
    mutating func encode(_ value: Int16) throws { append(JSONValue(value)) }
    mutating func encode(_ value: Int32) throws { append(JSONValue(value)) }
    mutating func encode(_ value: Int64) throws { append(JSONValue(value)) }
    mutating func encode(_ value: UInt) throws { append(JSONValue(value)) }
    mutating func encode(_ value: UInt8) throws { append(JSONValue(value)) }
    mutating func encode(_ value: UInt16) throws { append(JSONValue(value)) }
    mutating func encode(_ value: UInt32) throws { append(JSONValue(value)) }
    mutating func encode(_ value: UInt64) throws { append(JSONValue(value)) }

    mutating func encode(_ value: Double) throws {
        append(try ScalarEncoding.number(value, codingPath: codingPath + [nextKey]))
    }

    mutating func encode(_ value: Float) throws {
        append(try ScalarEncoding.number(value, codingPath: codingPath + [nextKey]))
    }

    mutating func encode(_ value: some Encodable) throws {
        node.appendChild(try EncodingNode.encode(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [nextKey]
        let child = EncodingNode(.object([]))
        node.appendChild(child)
        return KeyedEncodingContainer(KeyedNodeEncodingContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [nextKey]
        let child = EncodingNode(.array([]))
        node.appendChild(child)
        return UnkeyedNodeEncodingContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [nextKey]
        let child = EncodingNode()
        node.appendChild(child)
        return NodeEncoder(node: child, codingPath: path)
    }
}

struct SingleValueNodeEncodingContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    private func set(_ value: JSONValue) {
        node.content = .value(value)
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Int) throws { set(JSONValue(value)) }
    mutating func encode(_ value: Int8) throws { set(JSONValue(value)) }
    mutating func encode(_ value: Int16) throws { set(JSONValue(value)) }
    mutating func encode(_ value: Int32) throws { set(JSONValue(value)) }
    mutating func encode(_ value: Int64) throws { set(JSONValue(value)) }
    mutating func encode(_ value: UInt) throws { set(JSONValue(value)) }
    mutating func encode(_ value: UInt8) throws { set(JSONValue(value)) }
    mutating func encode(_ value: UInt16) throws { set(JSONValue(value)) }
    mutating func encode(_ value: UInt32) throws { set(JSONValue(value)) }
    mutating func encode(_ value: UInt64) throws { set(JSONValue(value)) }
    mutating func encode(_ value: Double) throws { set(try ScalarEncoding.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { set(try ScalarEncoding.number(value, codingPath: codingPath)) }

    mutating func encode(_ value: some Encodable) throws {
        if let json = value as? JSONValue {
            set(json)
            return
        }
        try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
    }
}
