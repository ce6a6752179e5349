import Foundation
import JSONRPC

/// One piece of a case's input.
public enum InputPiece: Sendable, Equatable {
    /// A JSON value the runner writes as compact JSON and frames for the case's transport.
    /// Number literals stay as written, so an id `1.50` travels as `1.50`.
    case frame(JSONValue)
    /// Bytes the runner frames for the case's transport as they are, valid JSON or not.
    case body([UInt8])
    /// Bytes the runner writes as they are, with no framing added.
    case raw([UInt8])

    /// Reads a piece: an object with exactly one of `frame`, `body`, `text` or `base64`.
    init(parsing value: JSONValue) throws(CaseFormatError) {
        guard let object = value.objectValue, object.count == 1, let member = object.first else {
            throw CaseFormatError(path: "", "a piece must be an object with exactly one of frame, body, text or base64")
        }
        let (key, content) = (member.key, member.value)
        switch (key, content) {
        case ("frame", _):
            self = .frame(content)
        case ("body", .string(let text)):
            self = .body(Array(text.utf8))
        case ("text", .string(let text)):
            self = .raw(Array(text.utf8))
        case ("base64", .string(let text)):
            guard let data = Data(base64Encoded: text) else {
                throw CaseFormatError(path: key, "the base64 text does not decode; use the standard alphabet with padding")
            }
            self = .raw(Array(data))
        case ("body", _), ("text", _), ("base64", _):
            throw CaseFormatError(path: key, "expected a string, found \(content.kindDescription)")
        default:
            throw CaseFormatError(path: key, "unknown piece \"\(key)\"; expected frame, body, text or base64")
        }
    }

    /// Returns the bytes the piece puts on the wire for `transport`.
    func bytes(for transport: ConformanceTransport) throws(JSONWriteError) -> [UInt8] {
        switch self {
        case .frame(let value):
            return transport.frame(try value.serialized())
        case .body(let bytes):
            return transport.frame(bytes)
        case .raw(let bytes):
            return bytes
        }
    }
}
