/// Reading Unicode scalars from the UTF-8 bytes of a Swift string, and the grapheme cluster rules that
/// can join a white space scalar to its neighbour.
enum UTF8ScalarReading {
    /// Returns how many bytes the UTF-8 sequence that starts with `lead` has, 1 for a byte that
    /// cannot start one.
    static func length(ofSequenceStartingWith lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }

    /// Decodes one UTF-8 sequence, or returns nil when it is not a valid one.
    static func scalar(in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// Returns whether a non-ASCII scalar has the Unicode White_Space property, as
    /// Unicode.Scalar.Properties.isWhitespace does, without its table lookup.
    static func isNonASCIIWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Returns whether the scalar may continue the character before it (grapheme cluster rules GB9 and GB9a):
    /// a combining mark, a joiner, a format character or an emoji modifier. The test errs towards true.
    static func mayExtendCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isGraphemeExtend || properties.isEmojiModifier {
            return true
        }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            return true
        default:
            // Thai SARA AM and Lao AM are letters that Unicode counts as spacing marks.
            return scalar.value == 0x0E33 || scalar.value == 0x0EB3
        }
    }

    /// Returns whether the scalar may start a character with the scalar after it (rule GB9b): the prepended
    /// concatenation marks, which are format characters, and the Indic reph letters, all of them in
    /// the Brahmic blocks. The test errs towards true.
    static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.generalCategory == .format {
            return true
        }
        return scalar.value == 0x0D4E || (0x11000..<0x12000).contains(scalar.value)
    }
}
