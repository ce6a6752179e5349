/// Turns bytes in a declared charset into text, with a fallback when the label or the bytes are wrong.
///
/// The fallback reads bytes as UTF-8 when they are valid UTF-8 and as windows-1252 otherwise, because
/// those two cover most mislabelled mail and windows-1252 maps every byte to a character.
enum TextDecoding {
    /// Decodes bytes in `charset`; returns nil when they are not valid in it (only UTF-8 and US-ASCII
    /// can fail).
    static func decode(_ bytes: ArraySlice<UInt8>, as charset: Charset) -> String? {
        switch charset {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .usASCII:
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        case .isoLatin1:
            return decodeSingleByte(bytes) { UInt32($0) }
        case .singleByte(_, let upperHalf):
            return decodeSingleByte(bytes) { UInt32(upperHalf[Int($0) - 0x80]) }
        }
    }

    /// Decodes bytes declared as `label` (nil when nothing was declared), reporting any fallback.
    ///
    /// - Parameters:
    ///   - field: the header field the bytes come from, for the defect; nil for a body part.
    static func decode(
        _ bytes: ArraySlice<UInt8>,
        label: String?,
        field: String?,
        defects: inout DefectList
    ) -> String {
        guard let label, !label.trimmingASCIIWhitespace().isEmpty else {
            return decodeUndeclared(bytes, field: field, defects: &defects)
        }

        guard let charset = Charset(label: label) else {
            defects.add(
                .unknownCharset,
                "The charset \"\(label)\" is unknown; the text was read as \(fallbackName(bytes)).",
                field: field
            )
            return decodeWithFallback(bytes)
        }

        if let text = decode(bytes, as: charset) {
            return text
        }
        defects.add(
            .charsetMismatch,
            "The text is not valid \(label); it was read as \(fallbackName(bytes)).",
            field: field
        )
        return decodeWithFallback(bytes)
    }

    /// Reads bytes as UTF-8 when they are valid UTF-8, else as windows-1252.
    static func decodeWithFallback(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return decode(bytes, as: .windows1252) ?? ""
    }

    private static func decodeUndeclared(
        _ bytes: ArraySlice<UInt8>,
        field: String?,
        defects: inout DefectList
    ) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        defects.add(
            .charsetMismatch,
            "8-bit text without a declared charset is not UTF-8; it was read as windows-1252.",
            field: field
        )
        return decode(bytes, as: .windows1252) ?? ""
    }

    private static func fallbackName(_ bytes: ArraySlice<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) == nil ? "windows-1252" : "UTF-8"
    }

    /// Builds the UTF-8 form of single-byte text directly, which is much faster than appending
    /// characters one by one.
    private static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, scalarOf: (UInt8) -> UInt32) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)

        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let value = scalarOf(byte)
            if value < 0x800 {
                utf8.append(UInt8(0xC0 | (value >> 6)))
                utf8.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (value >> 12)))
                utf8.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
