/// Turns bytes in a declared charset into text, with a fallback when the label or the bytes are wrong.
///
/// The fallback reads bytes as UTF-8 when they are valid UTF-8 and as windows-1252 otherwise, because
/// those two cover most mislabelled mail. The five bytes windows-1252 leaves undefined (0x81, 0x8D,
/// 0x8F, 0x90, 0x9D) become the C1 controls of the same value, as the WHATWG Encoding Standard maps
/// them, so the fallback reads every byte and drops none.
enum TextDecoding {
    /// Decodes bytes in `charset`.
    ///
    /// - Returns: the text, or nil when the bytes are not valid in the charset. That is invalid UTF-8,
    ///   an 8-bit byte in US-ASCII, invalid UTF-16, or a byte the single-byte charset leaves undefined.
    static func decode(_ bytes: ArraySlice<UInt8>, as charset: Charset) -> String? {
        switch charset {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .usASCII:
            return bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : nil
        case .isoLatin1:
            return decodeSingleByte(bytes) { UInt32($0) }
        case .utf16(let bigEndian):
            let decoded = decodeUTF16(bytes, bigEndian: bigEndian)
            return decoded.isValid ? decoded.text : nil
        case .singleByte(_, let upperHalf):
            return decodeSingleByte(bytes) { byte in
                let scalar = upperHalf[Int(byte) - 0x80]
                return scalar == SingleByteTables.undefined ? nil : UInt32(scalar)
            }
        }
    }

    /// Decodes bytes declared as `label` (nil when nothing was declared), reporting any fallback.
    ///
    /// - Parameters:
    ///   - field: the header field the bytes come from, for the defect; nil for a body part.
    ///   - part: the part path of the body part the bytes come from, for the defect; nil for a field.
    static func decode(
        _ bytes: ArraySlice<UInt8>,
        label: String?,
        field: String?,
        part: String? = nil,
        defects: inout DefectList
    ) -> String {
        guard let label, !label.trimmingASCIIWhitespace().isEmpty else {
            return decodeUndeclared(bytes, field: field, part: part, defects: &defects)
        }

        guard let charset = Charset(label: label) else {
            defects.add(
                .unknownCharset,
                "The charset \"\(label)\" is unknown; the text was read as \(fallbackName(bytes)).",
                field: field,
                part: part
            )
            return decodeWithFallback(bytes)
        }

        if let text = decode(bytes, as: charset) {
            return text
        }
        if case .utf16(let bigEndian) = charset {
            // A fallback to UTF-8 or windows-1252 would turn every other byte into a NUL.
            defects.add(
                .charsetMismatch,
                "The text is not valid \(label); invalid code units were replaced by U+FFFD.",
                field: field,
                part: part
            )
            return decodeUTF16(bytes, bigEndian: bigEndian).text
        }
        if String(validating: bytes, as: UTF8.self) == nil, let text = decodeReplacingUndefined(bytes, as: charset) {
            defects.add(
                .charsetMismatch,
                "The text holds bytes that \(label) leaves undefined; they were replaced by U+FFFD.",
                field: field,
                part: part
            )
            return text
        }
        defects.add(
            .charsetMismatch,
            "The text is not valid \(label); it was read as \(fallbackName(bytes)).",
            field: field,
            part: part
        )
        return decodeWithFallback(bytes)
    }

    /// Decodes single-byte text whose charset leaves some of its bytes undefined, each of those as
    /// U+FFFD, so that one stray byte does not move the whole text to the fallback charset.
    ///
    /// - Returns: the text, or nil when the charset is not a single-byte table or when most of the
    ///   8-bit bytes are undefined in it, which means the label is wrong.
    private static func decodeReplacingUndefined(_ bytes: ArraySlice<UInt8>, as charset: Charset) -> String? {
        guard case .singleByte(_, let upperHalf) = charset else { return nil }

        let eightBitCount = bytes.count(where: { $0 >= 0x80 })
        let undefinedCount = bytes.count(where: { $0 >= 0x80 && upperHalf[Int($0) - 0x80] == SingleByteTables.undefined })
        guard undefinedCount * 2 <= eightBitCount else { return nil }

        return decodeSingleByte(bytes) { byte in
            let scalar = upperHalf[Int(byte) - 0x80]
            return scalar == SingleByteTables.undefined ? 0xFFFD : UInt32(scalar)
        }
    }

    /// Reads bytes as UTF-8 when they are valid UTF-8, else as windows-1252.
    static func decodeWithFallback(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return decodeWindows1252(bytes)
    }

    /// Reads bytes as windows-1252, its undefined bytes as the C1 controls of the same value.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        let table = SingleByteTables.windows1252
        let text = decodeSingleByte(bytes) { byte in
            let scalar = table[Int(byte) - 0x80]
            return scalar == SingleByteTables.undefined ? UInt32(byte) : UInt32(scalar)
        }
        return text ?? ""
    }

    private static func decodeUndeclared(
        _ bytes: ArraySlice<UInt8>,
        field: String?,
        part: String?,
        defects: inout DefectList
    ) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        defects.add(
            .charsetMismatch,
            "8-bit text without a declared charset is not UTF-8; it was read as windows-1252.",
            field: field,
            part: part
        )
        return decodeWindows1252(bytes)
    }

    private static func fallbackName(_ bytes: ArraySlice<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) == nil ? "windows-1252" : "UTF-8"
    }

    /// Builds the UTF-8 form of single-byte text directly, which is much faster than appending
    /// characters one by one.
    ///
    /// - Parameters:
    ///   - scalarOf: the scalar value of a byte 0x80...0xFF, or nil when the charset leaves it undefined.
    /// - Returns: the text, or nil when a byte is undefined.
    private static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, scalarOf: (UInt8) -> UInt32?) -> String? {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)

        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            guard let value = scalarOf(byte) else { return nil }
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
