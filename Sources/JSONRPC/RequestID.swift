/// The id of a JSON-RPC request: a number kept as its literal, or a string.
///
/// `7` and `"7"` are different ids, and so are `7` and `7.0`, because a reply must carry the id
/// exactly as the request did. A request whose id is `null` has no `RequestID`, and its reply
/// carries a null id.
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
    case number(String)
    case string(String)

    /// Reads an id from a JSON value, or returns nil for null, booleans, arrays and objects.
    public init?(_ value: JSONValue) {
        switch value {
        case .number(let literal):
            self = .number(literal)
        case .string(let text):
            self = .string(text)
        default:
            return nil
        }
    }

    public init(_ integer: some BinaryInteger) {
        self = .number(String(integer))
    }

    public var jsonValue: JSONValue {
        switch self {
        case .number(let literal): .number(literal)
        case .string(let text): .string(text)
        }
    }

    /// The id as JSON writes it: `7` or `"7"`.
    public var description: String {
        switch self {
        case .number(let literal): literal
        case .string(let text): JSONValue.string(text).description
        }
    }
}
