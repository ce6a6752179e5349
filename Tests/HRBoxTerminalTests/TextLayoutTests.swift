import Testing

@testable import HRBoxTerminal

@Suite("Text layout")
struct TextLayoutTests {
    @Test func widthOfScripts() {
        #expect("Anna".displayWidth == 4)
        #expect("Zoë".displayWidth == 3)
        #expect("Zoe\u{0308}".displayWidth == 3)
        #expect("陈晓明".displayWidth == 6)
        #expect("한국".displayWidth == 4)
        #expect("ＡＢ".displayWidth == 4)
        #expect("😀".displayWidth == 2)
    }

    @Test func truncateKeepsWholeCharacters() {
        #expect("陈晓明".truncated(toWidth: 4) == "陈…")
        #expect("陈晓明".truncated(toWidth: 5) == "陈晓…")
        #expect("陈晓明".truncated(toWidth: 6) == "陈晓明")
        #expect("Zoe\u{0308} Müller".truncated(toWidth: 5) == "Zoe\u{0308} …")
        #expect("abc".truncated(toWidth: 0) == "")
    }

    @Test func paddedToExactWidth() {
        #expect("陈晓明".padded(toWidth: 4) == "陈… ")
        #expect("陈晓明".padded(toWidth: 5) == "陈晓…")
        #expect("ab".padded(toWidth: 4) == "ab  ")
        #expect("陈晓明xyz".padded(toWidth: 6).displayWidth == 6)
    }

    @Test func controlCharactersReplaced() {
        let text = "Hi\u{1B}[2J\u{07}there\u{9B}"
        let cleaned = text.withoutControlCharacters
        #expect(!cleaned.unicodeScalars.contains { $0.properties.generalCategory == .control })
        #expect(cleaned == "Hi [2J there ")
    }

    @Test func wrapAtSpaces() {
        let lines = "Stored in Anna Schmidt's personnel file under a case.".wrapped(toWidth: 20, indent: 2)
        #expect(lines == ["Stored in Anna", "  Schmidt's", "  personnel file", "  under a case."])
        #expect(lines.allSatisfy { $0.displayWidth <= 20 })
    }

    @Test func wrapCutsLongWords() {
        let lines = "陈晓明陈晓明陈晓明 ok".wrapped(toWidth: 8)
        #expect(lines == ["陈晓明陈", "晓明陈晓", "明 ok"])
    }
}

@Suite("Wrapping")
struct TextWrappingTests {
    @Test func leadingSpacesKept() {
        #expect("  Stored in the file.".wrapped(toWidth: 12, indent: 2) == ["  Stored in", "  the file."])
    }

    @Test func emptyTextGivesOneLine() {
        #expect("".wrapped(toWidth: 10) == [""])
    }

    @Test func maximumLinesEndsInEllipsis() {
        let lines = "Stored in Anna Schmidt's personnel file under a case.".wrapped(toWidth: 20, indent: 2, maximumLines: 2)
        #expect(lines == ["Stored in Anna", "  Schmidt's personn…"])
    }

    @Test func maximumLinesLeavesShortText() {
        #expect("Stored.".wrapped(toWidth: 20, indent: 2, maximumLines: 2) == ["Stored."])
        #expect("a b".wrapped(toWidth: 1, maximumLines: 3) == ["a", "b"])
    }

    @Test func narrowerThanIndent() {
        #expect("abc def".wrapped(toWidth: 2, indent: 3) == ["a…"])
    }
}
