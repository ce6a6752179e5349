/// The framing of messages on the byte stream, which is the one thing that differs between the transports.
///
/// Both framings carry the same JSON-RPC messages under the same lifecycle, batches, cancellation
/// and progress.
public enum Framing: Sendable, Equatable, CustomStringConvertible {
    /// The LSP base protocol: `Content-Length` headers, an empty line, then the body.
    case contentLength
    /// Native messaging as browsers and Thunderbird use it: a 32-bit length in native byte order,
    /// then the body. Bodies written to the client are limited to 1 MiB.
    case nativeMessaging

    /// The largest body the server may write, or nil when the framing sets no limit.
    public var maxOutgoingBodyBytes: Int? {
        switch self {
        case .contentLength: nil
        case .nativeMessaging: NativeMessagingFrameEncoder.maxBodyBytes
        }
    }

    public var description: String {
        switch self {
        case .contentLength: "Content-Length framing"
        case .nativeMessaging: "native messaging framing"
        }
    }

    /// Returns a decoder for incoming frames that accepts bodies of at most `maxBodyBytes`.
    public func makeDecoder(maxBodyBytes: Int) -> any FrameDecoding {
        switch self {
        case .contentLength: FrameDecoder(maxBodyBytes: maxBodyBytes)
        case .nativeMessaging: NativeMessagingFrameDecoder(maxBodyBytes: maxBodyBytes)
        }
    }

    /// Returns the bytes written before a body of `count` bytes, or nil when the framing cannot
    /// announce a body that large.
    func header(bodyByteCount count: Int) -> [UInt8]? {
        switch self {
        case .contentLength: Self.contentLengthHeader(bodyByteCount: count)
        case .nativeMessaging: NativeMessagingFrameEncoder.header(bodyByteCount: count)
        }
    }

    private static let contentLengthPrefix = Array("Content-Length: ".utf8)
    private static let headerEnd = Array("\r\n\r\n".utf8)

    /// Returns `Content-Length: N` and the empty line, built from bytes because the server writes
    /// one per reply and string interpolation costs more than the rest of a small reply.
    private static func contentLengthHeader(bodyByteCount count: Int) -> [UInt8] {
        var header = contentLengthPrefix
        header.append(contentsOf: String(count).utf8)
        header.append(contentsOf: headerEnd)
        return header
    }
}
