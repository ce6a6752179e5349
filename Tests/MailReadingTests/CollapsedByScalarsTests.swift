import Testing

@testable import MailReading

/// Checks that collapsing white space on UTF-8 bytes gives the same text as reading characters.
@Suite struct CollapsedByScalarsTests {
    /// Collapses by characters, as the general path of BodyText.collapsed does.
    static func collapsedByCharacters(_ text: String, maximumCharacters: Int = .max, maximumUTF8Count: Int = .max) -> String {
        var result = ""
        var pendingSpace = false
        var characterCount = 0
        var utf8Count = 0
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            let spaceCount = pendingSpace ? 1 : 0
            guard characterCount + spaceCount < maximumCharacters,
                utf8Count + spaceCount + character.utf8.count <= maximumUTF8Count
            else { break }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(character)
            characterCount += spaceCount + 1
            utf8Count += spaceCount + character.utf8.count
        }
        return result
    }

    @Test func multilingualBody() {
        let text = "please 契約  Gehaltserhöhung\r\nдоговор\u{00A0}đồng\tsözleşme congés\u{3000}面接 \u{2028}Überstunden  "
        #expect(BodyText.collapsed(text) == Self.collapsedByCharacters(text))
        #expect(BodyText.collapsed(text) == "please 契約 Gehaltserhöhung договор đồng sözleşme congés 面接 Überstunden")
    }

    @Test func nonASCIICutByUTF8Count() {
        let text = "契約  面接 đồng sözleşme"
        for limit in 0...text.utf8.count + 1 {
            #expect(BodyText.collapsed(text, maximumUTF8Count: limit) == Self.collapsedByCharacters(text, maximumUTF8Count: limit), "limit \(limit)")
        }
    }

    @Test func nonASCIICutByCharacters() {
        let text = "e\u{0301} 契約  面接 đồng"
        for limit in 0...12 {
            #expect(BodyText.collapsed(text, maximumCharacters: limit) == Self.collapsedByCharacters(text, maximumCharacters: limit), "limit \(limit)")
        }
    }

    @Test func spaceWithCombiningMark() {
        let text = "a \u{0301}b\u{00A0}\u{200D}c"
        #expect(BodyText.collapsed(text) == Self.collapsedByCharacters(text))
    }

    @Test func prependedMarkBeforeSpace() {
        let text = "a\u{0600} b \u{0D4E}\u{00A0}c"
        #expect(BodyText.collapsed(text) == Self.collapsedByCharacters(text))
    }

    /// Puts every scalar of the first four planes and of the tags block next to white space, where a
    /// scalar can join a white space character and change what is collapsed.
    @Test func everyScalarBesideWhiteSpace() {
        var mismatches: [UInt32] = []
        let values = Array(0x80..<0xD800) + Array(0xE000..<0x40000) + Array(0xE0000..<0xE1000)
        for value in values {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let letter = String(Character(scalar))
            for text in ["a" + letter + " b", "a " + letter + "b", "a\u{00A0}" + letter + "b", "a" + letter + "\u{3000}b", "a\n" + letter] {
                if BodyText.collapsed(text) != Self.collapsedByCharacters(text) {
                    mismatches.append(UInt32(value))
                }
            }
        }
        #expect(mismatches.isEmpty, "scalars collapsed differently: \(mismatches.prefix(20).map { String($0, radix: 16) })")
    }
}
