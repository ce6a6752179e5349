/// Splits a byte stream into message bodies under native messaging's framing.
///
/// A frame is a 32-bit unsigned length in the byte order of the machine, followed by that many bytes
/// of UTF-8 JSON. Firefox, Thunderbird and Chrome write this framing to the native hosts they start.
/// The length has no room for an error of syntax, so the decoder only reports a length above
/// ``maxBodyBytes`` and skips that body as it arrives. A zero length yields an empty body, which is
/// not JSON. A UTF-8 byte order mark at the start of a body is dropped, as in the LSP framing.
public struct NativeMessagingFrameDecoder: FrameDecoding {
    /// The size of the length prefix in bytes.
    public static let lengthByteCount = 4

    public let maxBodyBytes: Int

    private enum State {
        /// Collecting the length prefix, whose bytes read so far are in `length`.
        case length
        case body(expected: Int)
        case skippingBody(remaining: Int)
    }

    private var state = State.length
    private var length: [UInt8] = []
    private var body: [UInt8] = []

    public init(maxBodyBytes: Int = FrameDecoder.defaultMaxBodyBytes) {
        self.maxBodyBytes = maxBodyBytes
    }

    public var isAtFrameBoundary: Bool {
        if case .length = state {
            return length.isEmpty
        }
        return false
    }

    public mutating func feed(_ bytes: some Collection<UInt8>) -> [FrameEvent] {
        Self.events(from: bytes) { buffer, events in
            consume(buffer, into: &events)
        }
    }

    private mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [FrameEvent]) {
        var offset = 0
        while offset < buffer.count {
            switch state {
            case .length:
                let count = min(Self.lengthByteCount - length.count, buffer.count - offset)
                length.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + count)]))
                offset += count
                if length.count == Self.lengthByteCount {
                    endLength(into: &events)
                }
            case .body(let expected):
                let count = min(expected - body.count, buffer.count - offset)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[offset..<(offset + count)]))
                offset += count
                if body.count == expected {
                    events.append(.body(Self.withoutByteOrderMark(body)))
                    body = []
                    state = .length
                }
            case .skippingBody(let remaining):
                let skipped = min(remaining, buffer.count - offset)
                offset += skipped
                state = remaining == skipped ? .length : .skippingBody(remaining: remaining - skipped)
            }
        }
    }

    private mutating func endLength(into events: inout [FrameEvent]) {
        let declared = Int(Self.nativeOrderLength(length))
        length.removeAll(keepingCapacity: true)

        if declared > maxBodyBytes {
            events.append(.error(.bodyTooLarge(declared: declared, limit: maxBodyBytes)))
            state = .skippingBody(remaining: declared)
        } else if declared == 0 {
            events.append(.body([]))
            state = .length
        } else {
            state = .body(expected: declared)
        }
    }

    /// Reads four bytes as a `UInt32` in the byte order of this machine.
    private static func nativeOrderLength(_ bytes: [UInt8]) -> UInt32 {
        var value: UInt32 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes.prefix(lengthByteCount)) }
        return value
    }
}
