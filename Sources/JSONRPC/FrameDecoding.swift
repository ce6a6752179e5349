/// An event of a frame decoder: a complete body or a framing error.
public enum FrameEvent: Sendable, Equatable {
    /// A complete body, without a leading UTF-8 byte order mark.
    case body([UInt8])
    case error(FramingError)
}

/// A state machine that splits a byte stream into message bodies under one framing.
///
/// A decoder does no I/O: ``feed(_:)`` takes any number of bytes, from one byte to many frames, and
/// returns what they completed. It never traps on bad input, and its memory grows with the bytes
/// received, never with a declared length alone.
public protocol FrameDecoding: Sendable {
    /// The largest body accepted; a frame that declares more is reported and skipped as it arrives.
    var maxBodyBytes: Int { get }

    /// True when no part of a frame is buffered, so that the input may end here without losing a message.
    var isAtFrameBoundary: Bool { get }

    /// Consumes `bytes` and returns the bodies and errors they complete, in stream order.
    mutating func feed(_ bytes: some Collection<UInt8>) -> [FrameEvent]
}

extension FrameDecoding {
    /// Passes `bytes` to `consume` as one buffer and returns the events it appended.
    ///
    /// The bytes are copied into an array only when the collection does not store them contiguously.
    static func events(
        from bytes: some Collection<UInt8>,
        _ consume: (UnsafeBufferPointer<UInt8>, inout [FrameEvent]) -> Void
    ) -> [FrameEvent] {
        var events: [FrameEvent] = []
        let consumed: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            consume(buffer, &events)
        }
        if consumed == nil {
            Array(bytes).withUnsafeBufferPointer { consume($0, &events) }
        }
        return events
    }

    /// Returns `body` without a leading UTF-8 byte order mark.
    static func withoutByteOrderMark(_ body: [UInt8]) -> [UInt8] {
        if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
            return Array(body[3...])
        }
        return body
    }
}
