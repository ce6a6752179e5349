/// Decodes RFC 2047 encoded words (`=?charset?Q?text?=`, `=?charset?B?text?=`) in header text.
///
/// It reads them wherever they appear, also glued to other text or inside quoted strings and
/// parameter values, because common mail clients send them there and common readers decode them.
/// White space between two encoded words is dropped; white space next to plain text is kept.
/// Adjacent encoded words in one charset are joined before their bytes are decoded, so a character
/// split across two words survives.
enum EncodedWordDecoder {
    private enum Segment {
        case plain(Range<Int>)
        case encoded(charset: String, bytes: [UInt8])
    }

    static func decode(_ text: String, field: String?, defects: inout DefectList) -> String {
        guard text.contains("=?") else { return text }

        let bytes = Array(text.utf8)
        let segments = split(bytes, field: field, defects: &defects)

        var output = ""
        var pending: (charset: String, bytes: [UInt8])?

        func flush() {
            if let run = pending {
                output += TextDecoding.decode(run.bytes[...], label: run.charset, field: field, defects: &defects)
                pending = nil
            }
        }

        for (index, segment) in segments.enumerated() {
            switch segment {
            case .plain(let range):
                if isBetweenEncodedWords(index, segments), bytes[range].allSatisfy(ASCII.isWhitespace) {
                    continue
                }
                flush()
                output += String(decoding: bytes[range], as: UTF8.self)
            case .encoded(let charset, let decoded):
                if pending?.charset == charset {
                    pending?.bytes.append(contentsOf: decoded)
                } else {
                    flush()
                    pending = (charset, decoded)
                }
            }
        }
        flush()
        return output
    }

    private static func isBetweenEncodedWords(_ index: Int, _ segments: [Segment]) -> Bool {
        guard index > 0, index + 1 < segments.count else { return false }
        if case .encoded = segments[index - 1], case .encoded = segments[index + 1] {
            return true
        }
        return false
    }

    /// Splits text into plain runs and decoded encoded words.
    private static func split(_ bytes: [UInt8], field: String?, defects: inout DefectList) -> [Segment] {
        var segments: [Segment] = []
        var plainStart = 0
        var index = 0

        while index + 1 < bytes.count {
            guard bytes[index] == ASCII.equals, bytes[index + 1] == ASCII.questionMark,
                let word = readWord(bytes, at: index)
            else {
                index += 1
                continue
            }

            guard let decoded = word.decoded else {
                // An undecodable word stays in the plain run around it, as written.
                defects.add(
                    .invalidEncodedWord,
                    "An encoded word is malformed; it is shown as written.",
                    field: field,
                    fragment: String(decoding: bytes[index..<word.end], as: UTF8.self)
                )
                index = word.end
                continue
            }

            if plainStart < index {
                segments.append(.plain(plainStart..<index))
            }
            segments.append(.encoded(charset: word.charset, bytes: decoded))
            index = word.end
            plainStart = index
        }

        if plainStart < bytes.count {
            segments.append(.plain(plainStart..<bytes.count))
        }
        return segments
    }

    /// Reads the encoded word that starts with the `=?` at `start`, or returns nil when none does.
    ///
    /// - Returns: the charset label, the decoded bytes (nil when the encoding is neither Q nor B or the
    ///   text is not valid in it), and the index after the word's `?=`.
    private static func readWord(_ bytes: [UInt8], at start: Int) -> (charset: String, decoded: [UInt8]?, end: Int)? {
        let charsetStart = start + 2
        guard let charsetEnd = bytes[charsetStart...].firstIndex(where: { $0 == ASCII.questionMark || ASCII.isWhitespace($0) }),
            charsetEnd > charsetStart, bytes[charsetEnd] == ASCII.questionMark,
            charsetEnd + 2 < bytes.count, bytes[charsetEnd + 2] == ASCII.questionMark
        else { return nil }

        let textStart = charsetEnd + 3
        guard let textEnd = bytes[textStart...].firstIndex(where: { $0 == ASCII.questionMark || ASCII.isWhitespace($0) }),
            bytes[textEnd] == ASCII.questionMark,
            textEnd + 1 < bytes.count, bytes[textEnd + 1] == ASCII.equals
        else { return nil }

        let charset = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self).asciiLowercased()
        let text = bytes[textStart..<textEnd]
        let encoding = ASCII.lowercased(bytes[charsetEnd + 1])
        let decoded: [UInt8]
        let invalid: Bool
        if encoding == UInt8(ascii: "b") {
            (decoded, invalid) = Base64.decode(text)
        } else if encoding == UInt8(ascii: "q") {
            (decoded, invalid) = decodeQ(text)
        } else {
            (decoded, invalid) = ([], true)
        }
        return (charset, invalid ? nil : decoded, textEnd + 2)
    }

    /// Decodes the Q encoding: `_` is a space and `=XX` a byte; an `=` without two hex digits stays.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> (bytes: [UInt8], invalid: Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var invalid = false
        var index = text.startIndex

        while index < text.endIndex {
            let byte = text[index]
            if byte == ASCII.underscore {
                bytes.append(ASCII.space)
            } else if byte == ASCII.equals, index + 2 < text.endIndex,
                let high = ASCII.hexValue(text[index + 1]),
                let low = ASCII.hexValue(text[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            } else {
                if byte == ASCII.equals {
                    invalid = true
                }
                bytes.append(byte)
            }
            index += 1
        }
        return (bytes, invalid)
    }
}
