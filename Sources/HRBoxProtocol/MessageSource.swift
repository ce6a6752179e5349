/// A raw message as it travels to the server: its bytes in base64, or the path of a file the server reads.
///
/// On the wire it is an object with exactly one member, `{"base64": "..."}` or `{"path": "..."}`.
public enum MessageSource: Codable, Sendable, Equatable {
    case base64(String)
    case path(String)

    private enum CodingKeys: String, CodingKey {
        case base64
        case path
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let base64 = try container.decodeIfPresent(String.self, forKey: .base64)
        let path = try container.decodeIfPresent(String.self, forKey: .path)
        switch (base64, path) {
        case (let base64?, nil):
            self = .base64(base64)
        case (nil, let path?):
            self = .path(path)
        default:
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "expected an object with exactly one of \"base64\" or \"path\""
                )
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .base64(let text):
            try container.encode(text, forKey: .base64)
        case .path(let path):
            try container.encode(path, forKey: .path)
        }
    }
}
