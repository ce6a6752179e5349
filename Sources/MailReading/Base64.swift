/// Lenient base64 decoding (RFC 2045 section 6.8) for body parts and encoded words.
///
/// Line breaks and spaces are skipped, other characters outside the alphabet are skipped and
/// reported, and decoding goes on after padding, because some senders join padded chunks.
enum Base64 {
    /// Decodes up to `maximumCount` bytes.
    static func decode(
        _ input: ArraySlice<UInt8>,
        maximumCount: Int = .max
    ) -> (bytes: [UInt8], hadInvalidCharacters: Bool) {
        var sink = CollectingSink(maximumCount: maximumCount)
        sink.bytes.reserveCapacity(min(maximumCount, input.count / 4 * 3 + 3))
        let invalid = decode(input, into: &sink)
        return (sink.bytes, invalid)
    }

    /// Counts the decoded bytes without storing them.
    static func decodedCount(_ input: ArraySlice<UInt8>) -> (count: Int, hadInvalidCharacters: Bool) {
        var sink = CountingSink()
        let invalid = decode(input, into: &sink)
        return (sink.count, invalid)
    }

    /// Alphabet values: 0...63 for the alphabet, `padding` for `=`, `skipped` for white space.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        table[Int(ASCII.equals)] = padding
        for blank in [ASCII.space, ASCII.tab, ASCII.carriageReturn, ASCII.lineFeed] {
            table[Int(blank)] = skipped
        }
        return table
    }()
    private static let invalid: UInt8 = 0xFF
    private static let padding: UInt8 = 0xFE
    private static let skipped: UInt8 = 0xFD

    /// Writes the decoded bytes to `sink` until it is full.
    ///
    /// - Returns: whether characters outside the alphabet were skipped.
    private static func decode(_ input: ArraySlice<UInt8>, into sink: inout some ByteSink) -> Bool {
        var group: UInt32 = 0
        var filled = 0
        var sawInvalid = false

        for byte in input {
            let value = values[Int(byte)]
            if value < 64 {
                group = group << 6 | UInt32(value)
                filled += 1
                if filled == 4 {
                    append(group, count: 3, to: &sink)
                    group = 0
                    filled = 0
                    if sink.isFull { return sawInvalid }
                }
            } else if value == padding {
                if filled >= 2 {
                    append(group << (6 * UInt32(4 - filled)), count: filled - 1, to: &sink)
                } else if filled == 1 {
                    sawInvalid = true
                }
                group = 0
                filled = 0
            } else if value == invalid {
                sawInvalid = true
            }
        }

        if filled >= 2 {
            append(group << (6 * UInt32(4 - filled)), count: filled - 1, to: &sink)
        } else if filled == 1 {
            sawInvalid = true
        }
        return sawInvalid
    }

    /// Appends the first `count` bytes of a group packed into the low 24 bits.
    private static func append(_ group: UInt32, count: Int, to sink: inout some ByteSink) {
        sink.append(UInt8(truncatingIfNeeded: group >> 16))
        if count > 1 { sink.append(UInt8(truncatingIfNeeded: group >> 8)) }
        if count > 2 { sink.append(UInt8(truncatingIfNeeded: group)) }
    }
}
