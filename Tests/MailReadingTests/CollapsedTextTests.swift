import Testing

@testable import MailReading

/// White space collapsing of body text, on the ASCII path and the path by characters.
@Suite struct CollapsedTextTests {
    @Test func asciiWhiteSpaceRuns() {
        #expect(BodyText.collapsed("  a\t\tb\r\n c\u{0B}d\u{0C}e  ") == "a b c d e")
    }

    @Test func asciiCutByCharacters() {
        #expect(BodyText.collapsed("abc def", maximumCharacters: 5) == "abc d")
    }

    @Test func asciiCutByUTF8Count() {
        #expect(BodyText.collapsed("abc   def", maximumUTF8Count: 4) == "abc")
    }

    @Test func nonASCIIWhiteSpace() {
        #expect(BodyText.collapsed("Grüße  aus\u{00A0}Köln\u{2003}") == "Grüße aus Köln")
    }

    @Test func combiningMarkKeptWithLetter() {
        #expect(BodyText.collapsed("abc e\u{0301}f", maximumCharacters: 5) == "abc e\u{0301}")
    }

    @Test func emptyAndBlankText() {
        #expect(BodyText.collapsed("") == "")
        #expect(BodyText.collapsed(" \r\n\t") == "")
    }
}
