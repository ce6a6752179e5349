/// Turns the bytes a terminal sends into ``Key``s, keeping incomplete input for the next feed.
///
/// A lone Esc byte is ambiguous: it is the Esc key, or the start of a sequence whose other bytes
/// have not arrived yet. The decoder keeps it pending, and the I/O layer calls ``flush()`` when no more
/// bytes follow within a short wait.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// True when bytes are held back, so the caller should wait briefly and then call ``flush()``.
    public var hasPendingInput: Bool { !pending.isEmpty }

    /// Decodes the keys completed by `bytes`; an incomplete key stays pending.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var start = 0
        while start < pending.count {
            guard let (key, length) = Self.decodeKey(pending[start...]) else { break }
            keys.append(key)
            start += length
        }
        pending.removeFirst(start)
        return keys
    }

    /// Ends the pending input: a lone Esc becomes ``Key/escape``, anything else ``Key/unknown(_:)``.
    public mutating func flush() -> [Key] {
        defer { pending.removeAll() }
        switch pending {
        case []:
            return []
        case [0x1B]:
            return [.escape]
        default:
            return [.unknown(pending)]
        }
    }

    /// Decodes the key at the start of `bytes` and its length in bytes, or nil when more bytes are needed.
    private static func decodeKey(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        guard let first = bytes.first else { return nil }

        switch first {
        case 0x1B:
            return decodeEscapeSequence(bytes)
        case 0x0D, 0x0A:
            return (.enter, 1)
        case 0x09:
            return (.tab, 1)
        case 0x7F, 0x08:
            return (.backspace, 1)
        case 0x01...0x1A:
            return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x00, 0x1C...0x1F:
            return (.unknown([first]), 1)
        case 0x20...0x7E:
            return (.character(Character(Unicode.Scalar(first))), 1)
        default:
            return decodeUTF8(bytes)
        }
    }

    /// Decodes one UTF-8 encoded character; a malformed sequence becomes ``Key/unknown(_:)`` of its bytes.
    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (.unknown([first]), 1)
        }

        // Stop at the first byte that is not a continuation byte, so that a broken
        // sequence costs only its own bytes and the next key still decodes.
        var end = bytes.startIndex + 1
        while end < bytes.endIndex, end - bytes.startIndex < length {
            guard bytes[end] & 0xC0 == 0x80 else {
                return (.unknown(Array(bytes[bytes.startIndex..<end])), end - bytes.startIndex)
            }
            end += 1
        }
        guard end - bytes.startIndex == length else { return nil }

        let encoded = Array(bytes[bytes.startIndex..<end])
        var decoder = UTF8()
        var iterator = encoded.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator),
            scalar.value >= 0xA0
        else {
            return (.unknown(encoded), length)
        }
        return (.character(Character(scalar)), length)
    }

    /// Decodes Esc and what follows it: a CSI (`Esc [`) or SS3 (`Esc O`) sequence, or Alt with a key.
    private static func decodeEscapeSequence(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }

        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            return decodeControlSequence(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            let key = finalByteKeys[bytes[start + 2]] ?? .unknown(Array(bytes[start..<start + 3]))
            return (key, 3)
        case 0x1B:
            // Esc pressed twice: the first one is a key of its own.
            return (.escape, 1)
        default:
            return (.unknown(Array(bytes[start..<start + 2])), 2)
        }
    }

    /// Decodes `Esc [ parameters final`, such as `Esc [ A` (up) or `Esc [ 3 ~` (Delete).
    private static func decodeControlSequence(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        var index = start + 2
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) {
            index += 1
        }
        guard index < bytes.endIndex else { return nil }

        let final = bytes[index]
        let length = index - start + 1
        let sequence = Array(bytes[start...index])
        guard (0x40...0x7E).contains(final) else { return (.unknown(sequence), length) }

        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        if final == UInt8(ascii: "~") {
            let number = parameters.split(separator: ";").first.flatMap { Int($0) }
            return (number.flatMap { tildeKeys[$0] } ?? .unknown(sequence), length)
        }
        return (finalByteKeys[final] ?? .unknown(sequence), length)
    }

    /// Keys of CSI and SS3 sequences by their final byte; modifiers in the parameters are ignored.
    private static let finalByteKeys: [UInt8: Key] = [
        UInt8(ascii: "A"): .up,
        UInt8(ascii: "B"): .down,
        UInt8(ascii: "C"): .right,
        UInt8(ascii: "D"): .left,
        UInt8(ascii: "H"): .home,
        UInt8(ascii: "F"): .end,
        UInt8(ascii: "Z"): .backTab,
    ]

    /// Keys of `Esc [ N ~` sequences by N, as xterm and the Linux console send them.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
    ]
}
