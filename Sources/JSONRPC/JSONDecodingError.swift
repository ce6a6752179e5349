/// The mismatch between a ``JSONValue`` and a `Decodable` type, naming the field by its path.
///
/// The description reads like `targets[0].personId: expected an integer, found a string` or
/// `message: missing required field "message"`, and can be sent to a client as it is.
public struct JSONDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's path, such as `targets[0].personId`; empty for the value itself.
    public let path: String
    /// The problem with the field, such as `expected an integer, found a string`.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// Converts an error thrown while decoding, which is usually a `DecodingError` with a reason this
    /// module wrote or one from a type's own `init(from:)`.
    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            self.init(path: "", reason: String(describing: error))
            return
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self.init(path: describeCodingPath(context.codingPath), reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            self.init(
                path: describeCodingPath(context.codingPath + [key]),
                reason: "missing required field \"\(key.stringValue)\""
            )
        @unknown default:
            self.init(path: "", reason: String(describing: error))
        }
    }

    public var description: String {
        path.isEmpty ? reason : "\(path): \(reason)"
    }
}
