/// Splits a byte stream into message bodies under the LSP base protocol's framing.
///
/// A frame is a header block, lines of `Name: value` ended by an empty line, followed by exactly
/// `Content-Length` bytes of body. Header names are case-insensitive, the space after the colon is
/// optional, lines may end in CRLF or a bare LF, and headers other than `Content-Length` and
/// `Content-Type` are ignored. A UTF-8 byte order mark at the start of a body is dropped.
///
/// The decoder is a value-type state machine with no I/O: ``feed(_:)`` takes any number of bytes
/// and returns what they completed. It never traps on bad input. After a malformed header it reports
/// the error and discards bytes until the next `Content-Length:`. A body longer than
/// ``maxBodyBytes`` is reported and skipped as it arrives. Memory grows with the bytes received,
/// never with a declared length alone.
public struct FrameDecoder: FrameDecoding {
    public typealias Event = FrameEvent

    /// The default ``maxBodyBytes``: 72 MiB, room for a 50 MB message in base64 and the JSON around it.
    public static let defaultMaxBodyBytes = 72 * 1024 * 1024
    /// The maximum size of one header block in bytes, line ends included.
    public static let maxHeaderBytes = 8192

    public let maxBodyBytes: Int

    private enum State {
        case header
        case body(expected: Int)
        case skippingBody(remaining: Int)
        /// Looking for the next `content-length:`; the count is how many of its bytes matched so far.
        case resynchronizing(matched: Int)
    }

    private var state = State.header
    private var line: [UInt8] = []
    private var headerBytes = 0
    private var headerLineCount = 0
    private var contentLength: Int?
    private var unsupportedCharset: String?
    private var body: [UInt8] = []

    public init(maxBodyBytes: Int = FrameDecoder.defaultMaxBodyBytes) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// True when no part of a frame is buffered, so that the input may end here without losing a message.
    public var isAtFrameBoundary: Bool {
        switch state {
        case .header:
            return headerLineCount == 0 && line.isEmpty
        case .resynchronizing:
            return true
        case .body, .skippingBody:
            return false
        }
    }

    /// Consumes `bytes` and returns the bodies and errors they complete, in stream order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Event] {
        Self.events(from: bytes) { buffer, events in
            consume(buffer, into: &events)
        }
    }

    private mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [Event]) {
        var offset = 0
        while offset < buffer.count {
            switch state {
            case .header:
                offset = consumeHeader(buffer, from: offset, into: &events)
            case .body(let expected):
                offset = consumeBody(buffer, from: offset, expected: expected, into: &events)
            case .skippingBody(let remaining):
                let skipped = min(remaining, buffer.count - offset)
                offset += skipped
                state = remaining == skipped ? .header : .skippingBody(remaining: remaining - skipped)
            case .resynchronizing(let matched):
                offset = consumeUntilContentLength(buffer, from: offset, matched: matched)
            }
        }
    }

    // MARK: - Header

    private mutating func consumeHeader(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int,
        into events: inout [Event]
    ) -> Int {
        let lineFeed = buffer[start...].firstIndex(of: UInt8(ascii: "\n"))
        let end = lineFeed ?? buffer.count
        headerBytes += end - start + (lineFeed == nil ? 0 : 1)
        guard headerBytes <= Self.maxHeaderBytes else {
            fail(.malformedHeader("the header is longer than \(Self.maxHeaderBytes) bytes"), into: &events)
            return end
        }
        line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        guard let lineFeed else {
            return end
        }

        if line.last == UInt8(ascii: "\r") {
            line.removeLast()
        }
        if line.isEmpty {
            endHeader(into: &events)
        } else {
            readHeaderLine(into: &events)
        }
        line.removeAll(keepingCapacity: true)
        return lineFeed + 1
    }

    private mutating func readHeaderLine(into events: inout [Event]) {
        var header = line[...]
        if let start = Self.position(of: Self.contentLengthPrefix, in: header), start > header.startIndex {
            // Bytes glued to the front of a Content-Length header: report them, then read the header.
            events.append(.error(.malformedHeader("stray bytes before a Content-Length header")))
            resetHeader(state: .header)
            header = header[start...]
        } else if !Self.isWellFormed(header) {
            fail(.malformedHeader("a header line is not of the form \"Name: value\""), into: &events)
            return
        }
        headerLineCount += 1

        let value = Self.trimmed(header[(Self.colon(in: header) + 1)...])
        switch Self.name(of: header) {
        case "content-length":
            guard let length = Self.decimal(value), contentLength == nil || contentLength == length else {
                fail(.malformedHeader("Content-Length must be one decimal number of bytes"), into: &events)
                return
            }
            contentLength = length
        case "content-type":
            if let charset = Self.charset(inContentType: value), charset != "utf-8", charset != "utf8" {
                unsupportedCharset = charset
            }
        default:
            break
        }
    }

    private mutating func endHeader(into events: inout [Event]) {
        guard headerLineCount > 0 else {
            // A blank line between frames, which some clients write after a body.
            headerBytes = 0
            return
        }
        guard let length = contentLength else {
            fail(.malformedHeader("the header has no Content-Length"), into: &events)
            return
        }

        if let charset = unsupportedCharset {
            events.append(.error(.unsupportedCharset(charset)))
            startSkipping(length)
        } else if length > maxBodyBytes {
            events.append(.error(.bodyTooLarge(declared: length, limit: maxBodyBytes)))
            startSkipping(length)
        } else if length == 0 {
            events.append(.body([]))
            resetHeader(state: .header)
        } else {
            resetHeader(state: .body(expected: length))
        }
    }

    private mutating func startSkipping(_ length: Int) {
        resetHeader(state: length == 0 ? .header : .skippingBody(remaining: length))
    }

    /// Reports a malformed header and starts looking for the next frame.
    private mutating func fail(_ error: FramingError, into events: inout [Event]) {
        events.append(.error(error))
        resetHeader(state: .resynchronizing(matched: 0))
    }

    private mutating func resetHeader(state newState: State) {
        state = newState
        line.removeAll(keepingCapacity: true)
        headerBytes = 0
        headerLineCount = 0
        contentLength = nil
        unsupportedCharset = nil
    }

    // MARK: - Body

    private mutating func consumeBody(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int,
        expected: Int,
        into events: inout [Event]
    ) -> Int {
        let end = start + min(expected - body.count, buffer.count - start)
        let chunk = UnsafeBufferPointer(rebasing: buffer[start..<end])
        if body.isEmpty, chunk.count == expected {
            events.append(.body(Self.withoutByteOrderMark(Array(chunk))))
            state = .header
            return end
        }

        body.append(contentsOf: chunk)
        if body.count == expected {
            events.append(.body(Self.withoutByteOrderMark(body)))
            body = []
            state = .header
        }
        return end
    }

    // MARK: - Resynchronizing

    private static let contentLengthPrefix = Array("content-length:".utf8)

    /// Discards bytes up to and including the next `content-length:`, ignoring letter case,
    /// and then continues reading that header line.
    private mutating func consumeUntilContentLength(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int,
        matched alreadyMatched: Int
    ) -> Int {
        let prefix = Self.contentLengthPrefix
        var matched = alreadyMatched
        var offset = start
        while offset < buffer.count {
            let byte = Self.lowercased(buffer[offset])
            offset += 1
            if byte == prefix[matched] {
                matched += 1
            } else {
                matched = byte == prefix[0] ? 1 : 0
            }
            if matched == prefix.count {
                resetHeader(state: .header)
                line = Array("Content-Length:".utf8)
                headerBytes = line.count
                return offset
            }
        }
        state = .resynchronizing(matched: matched)
        return offset
    }

    // MARK: - Header syntax

    /// Tells whether a line is `name:value` with a non-empty name made of RFC 9110 token characters.
    private static func isWellFormed(_ header: ArraySlice<UInt8>) -> Bool {
        guard let colon = header.firstIndex(of: UInt8(ascii: ":")), colon > header.startIndex else {
            return false
        }
        return header[..<colon].allSatisfy(isTokenByte)
    }

    /// Returns the position of the first colon. Call it only on a well-formed header.
    private static func colon(in header: ArraySlice<UInt8>) -> Int {
        header.firstIndex(of: UInt8(ascii: ":")) ?? header.endIndex
    }

    /// Returns the lower-cased name of a well-formed header.
    private static func name(of header: ArraySlice<UInt8>) -> String {
        String(decoding: header[..<colon(in: header)], as: UTF8.self).lowercased()
    }

    /// Returns where `pattern`, which must be lower-case, first occurs in `bytes` ignoring letter case.
    private static func position(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= pattern.count else {
            return nil
        }
        for start in bytes.startIndex...(bytes.endIndex - pattern.count)
        where pattern.indices.allSatisfy({ lowercased(bytes[start + $0]) == pattern[$0] }) {
            return start
        }
        return nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else {
            return []
        }
        return bytes[first...last]
    }

    /// Reads a non-negative decimal number of at most 18 digits, so that it cannot overflow.
    private static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(JSONNumberSyntax.isDigit) else {
            return nil
        }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Returns the lower-cased `charset` parameter of a Content-Type value, or nil when it has none.
    private static func charset(inContentType value: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: value, as: UTF8.self)
        for parameter in text.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingBlanks().lowercased() == "charset" else {
                continue
            }
            var charset = parts[1].trimmingBlanks()
            if charset.count >= 2, charset.hasPrefix("\""), charset.hasSuffix("\"") {
                charset = String(charset.dropFirst().dropLast())
            }
            return charset.lowercased()
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// A problem with a frame's header or size.
public enum FramingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header line or block that cannot be read; the reason names the rule it broke.
    case malformedHeader(String)
    /// A declared `Content-Length` above the decoder's limit; the body was skipped.
    case bodyTooLarge(declared: Int, limit: Int)
    /// A `Content-Type` charset other than UTF-8; the body was skipped.
    case unsupportedCharset(String)

    public var description: String {
        switch self {
        case .malformedHeader(let reason):
            "malformed frame header: \(reason). Send \"Content-Length: <bytes>\\r\\n\\r\\n\" before each body."
        case .bodyTooLarge(let declared, let limit):
            "the message of \(declared) bytes exceeds the limit of \(limit) bytes and was skipped"
        case .unsupportedCharset(let charset):
            "unsupported charset \"\(charset.prefix(40))\"; send the body in UTF-8"
        }
    }
}
