/// Writes frames of the LSP base protocol: a `Content-Length` header, an empty line, and the body.
public enum FrameEncoder {
    /// Returns `Content-Length: N\r\n\r\n` followed by the body, where N counts the body's bytes.
    public static func frame(body: some Collection<UInt8>) -> [UInt8] {
        let header = "Content-Length: \(body.count)\r\n\r\n"
        var frame: [UInt8] = []
        frame.reserveCapacity(header.utf8.count + body.count)
        frame.append(contentsOf: header.utf8)
        frame.append(contentsOf: body)
        return frame
    }
}
