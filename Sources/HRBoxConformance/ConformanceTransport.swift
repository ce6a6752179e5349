/// The framing a case's bytes travel in, in both directions.
public enum ConformanceTransport: String, Sendable, CaseIterable {
    /// The Language Server Protocol's base protocol: `Content-Length: N\r\n\r\n` and N bytes of body.
    case lsp
    /// Native messaging as browsers and Thunderbird use it: a 32-bit length in the machine's byte
    /// order, then that many bytes of UTF-8 JSON.
    case native

    /// The largest body a server may send on the native transport: browsers refuse replies over 1 MiB.
    public static let maxNativeReplyBytes = 1024 * 1024

    /// Returns `body` framed for this transport.
    public func frame(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .lsp:
            return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        case .native:
            let length = UInt32(truncatingIfNeeded: body.count)
            return withUnsafeBytes(of: length) { Array($0) } + body
        }
    }
}
