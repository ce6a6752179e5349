/// Writes frames of native messaging: a 32-bit unsigned length in the byte order of this machine,
/// then the body.
public enum NativeMessagingFrameEncoder {
    /// The largest body a native host may send to its browser or mail client: 1 MiB.
    ///
    /// Chrome's native messaging documentation states this limit for messages from the host, and
    /// Firefox, whose code Thunderbird shares, reads at most 1024 * 1024 bytes per message
    /// (`MAX_READ` in toolkit/components/extensions/NativeMessaging.sys.mjs).
    public static let maxBodyBytes = 1_048_576

    /// Returns the four bytes that announce a body of `count` bytes, or nil when `count` does not
    /// fit in a `UInt32`.
    public static func header(bodyByteCount count: Int) -> [UInt8]? {
        guard let length = UInt32(exactly: count) else {
            return nil
        }
        return withUnsafeBytes(of: length) { Array($0) }
    }

    /// Returns the length prefix followed by the body, or nil when the body has 4 GiB or more.
    public static func frame(body: some Collection<UInt8>) -> [UInt8]? {
        header(bodyByteCount: body.count).map { $0 + Array(body) }
    }
}
