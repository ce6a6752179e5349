/// The base64 text of a ``MessageSource``, decoded straight from its UTF-8 bytes.
///
/// Decoding the bytes in one pass, instead of filtering the text by characters and going through
/// `Data`, saves a 50 MB message two more copies and a slow pass over its text by characters.
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
        var isValid = true
        let decoded = [UInt8](unsafeUninitializedCapacity: encoded.count / 4 * 3) { output, outputCount in
            byteClasses.withUnsafeBufferPointer { byteClasses in
                isValid = decode(encoded, classes: byteClasses, into: output, count: &outputCount)
            }
        }
        return isValid ? decoded : nil
    }

    /// Decodes into `output`, which has room for `encoded.count / 4 * 3` bytes, and returns whether
    /// the text was valid.
    private static func decode(
        _ encoded: UnsafeBufferPointer<UInt8>,
        classes byteClasses: UnsafeBufferPointer<UInt8>,
        into output: UnsafeMutableBufferPointer<UInt8>,
        count outputCount: inout Int
    ) -> Bool {
        outputCount = 0
        var quantum: UInt32 = 0
        var quantumCount = 0
        var paddingCount = 0
        var isComplete = false

        for byte in encoded {
            let value = byteClasses[Int(byte)]
            if value == whiteSpace {
                continue
            }
            guard !isComplete, value != invalid else {
                return false
            }
            if value == padding {
                // "=" may only fill the last one or two places of the last quantum.
                guard quantumCount >= 2 else {
                    return false
                }
                paddingCount += 1
                quantum <<= 6
            } else {
                guard paddingCount == 0 else {
                    return false
                }
                quantum = quantum << 6 | UInt32(value)
            }
            quantumCount += 1

            if quantumCount == 4 {
                // At most count / 4 * 3 bytes come out, so the writes stay inside the capacity.
                output[outputCount] = UInt8(truncatingIfNeeded: quantum >> 16)
                output[outputCount + 1] = UInt8(truncatingIfNeeded: quantum >> 8)
                output[outputCount + 2] = UInt8(truncatingIfNeeded: quantum)
                outputCount += 3 - paddingCount
                isComplete = paddingCount > 0
                quantum = 0
                quantumCount = 0
            }
        }
        return quantumCount == 0
    }

    private static let invalid: UInt8 = 0xFF
    private static let whiteSpace: UInt8 = 0xFE
    private static let padding: UInt8 = 0xFD

    /// The 6-bit value of each byte of the base64 alphabet, and a class for every other byte:
    /// ``whiteSpace`` for space, tab, CR and LF, ``padding`` for "=", else ``invalid``.
    private static let byteClasses: [UInt8] = {
        var classes = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() {
            classes[Int(byte)] = UInt8(value)
        }
        for byte in [0x20, 0x09, 0x0D, 0x0A] {
            classes[byte] = whiteSpace
        }
        classes[Int(UInt8(ascii: "="))] = padding
        return classes
    }()
}
