/// Terminal column widths of text, so that lines fit the screen whatever script they are in.
///
/// NOTE: the wide ranges are the East Asian Wide and Fullwidth blocks plus emoji presentation.
/// A terminal with other tables, such as an older wcwidth or an ambiguous-width setting, may draw
/// a few rare characters one column off.
extension Character {
    /// Columns the terminal uses for this character: 0, 1 or 2.
    var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }

        if scalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        if first.properties.isEmojiPresentation || Self.isWide(first.value) {
            return 2
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            return 1
        }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        wideRanges.contains { $0.contains(value) }
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x1F300...0x1F64F,  // pictographs and emoticons
        0x1F900...0x1F9FF,  // supplemental pictographs
        0x20000...0x2FFFD,  // CJK extensions B to F
        0x30000...0x3FFFD,  // CJK extension G and later
    ]
}

extension String {
    /// Columns the terminal uses for this text.
    var displayWidth: Int {
        reduce(0) { $0 + $1.displayWidth }
    }

    /// This text cut to at most `width` columns, ending in "…" when something was cut.
    ///
    /// The cut falls between characters, so a wide character that does not fit whole is left out.
    func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth > width else { return self }

        var result = ""
        var used = 0
        for character in self {
            let characterWidth = character.displayWidth
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// This text cut or filled with spaces to exactly `width` columns.
    func padded(toWidth width: Int) -> String {
        let fitted = truncated(toWidth: width)
        return fitted + String(repeating: " ", count: max(0, width - fitted.displayWidth))
    }

    /// This text with control characters replaced by spaces, so that text from a message or the
    /// server cannot move the cursor or change the terminal's state.
    var withoutControlCharacters: String {
        String(
            String.UnicodeScalarView(
                unicodeScalars.map { scalar in
                    scalar.properties.generalCategory == .control ? " " : scalar
                }
            )
        )
    }
}
