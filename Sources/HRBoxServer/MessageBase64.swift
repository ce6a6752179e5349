/// The base64 text of a ``MessageSource``, decoded straight from its UTF-8 bytes.
///
/// Decoding the bytes in one pass, instead of filtering the text by characters and going through
/// `Data`, keeps a 50 MB message from costing two more copies and seconds of character iteration.
enum MessageBase64 {
    /// Decodes base64 as RFC 4648 section 4 defines it, with padding, allowing the line breaks,
    /// spaces and tabs that some encoders (Emacs, `base64` the tool) insert anywhere.
    /// - Returns: The bytes, or nil for a character outside the alphabet, padding before the end, or
    ///   a length that is not a multiple of 4 once white space is left out.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    private static func decode(_ encoded: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(encoded.count / 4 * 3)
        var quantum: UInt32 = 0
        var quantumCount = 0
        var paddingCount = 0
        var isComplete = false

        for byte in encoded {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
                continue
            }
            guard !isComplete else {
                return nil
            }
            if byte == UInt8(ascii: "=") {
                // "=" may only fill the last one or two places of the last quantum.
                guard quantumCount >= 2 else {
                    return nil
                }
                paddingCount += 1
                quantum <<= 6
            } else {
                guard paddingCount == 0, let value = sextet(byte) else {
                    return nil
                }
                quantum = quantum << 6 | UInt32(value)
            }
            quantumCount += 1

            if quantumCount == 4 {
                decoded.append(UInt8(truncatingIfNeeded: quantum >> 16))
                if paddingCount < 2 {
                    decoded.append(UInt8(truncatingIfNeeded: quantum >> 8))
                }
                if paddingCount < 1 {
                    decoded.append(UInt8(truncatingIfNeeded: quantum))
                }
                isComplete = paddingCount > 0
                quantum = 0
                quantumCount = 0
            }
        }
        return quantumCount == 0 ? decoded : nil
    }

    /// Returns the 6-bit value of a character of the base64 alphabet, or nil for any other byte.
    @inline(__always)
    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
