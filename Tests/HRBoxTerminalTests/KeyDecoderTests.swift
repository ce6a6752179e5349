import Testing

@testable import HRBoxTerminal

@Suite("Key decoder")
struct KeyDecoderTests {
    /// Feeds `bytes` one at a time, then in one piece, and expects both to give `expected`.
    private func expectKeys(_ bytes: [UInt8], _ expected: [Key], sourceLocation: SourceLocation = #_sourceLocation) {
        var whole = KeyDecoder()
        #expect(whole.feed(bytes) == expected, "all at once", sourceLocation: sourceLocation)

        var byteByByte = KeyDecoder()
        let keys = bytes.flatMap { byteByByte.feed([$0]) }
        #expect(keys == expected, "byte by byte", sourceLocation: sourceLocation)
    }

    @Test func asciiAndControlBytes() {
        expectKeys(Array("q?2".utf8), [.character("q"), .character("?"), .character("2")])
        expectKeys([0x0D, 0x0A], [.enter, .enter])
        expectKeys([0x7F, 0x08, 0x09], [.backspace, .backspace, .tab])
        expectKeys([0x03, 0x0C, 0x15], [.control("c"), .control("l"), .control("u")])
    }

    @Test func utf8Characters() {
        expectKeys(Array("äß".utf8), [.character("ä"), .character("ß")])
        expectKeys(Array("陈晓明".utf8), [.character("陈"), .character("晓"), .character("明")])
        expectKeys(Array("😀".utf8), [.character("😀")])
    }

    @Test func splitUTF8WaitsForRest() {
        var decoder = KeyDecoder()
        let bytes = Array("陈".utf8)

        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.hasPendingInput)
        #expect(decoder.feed([bytes[1]]) == [])
        #expect(decoder.feed([bytes[2], UInt8(ascii: "x")]) == [.character("陈"), .character("x")])
        #expect(!decoder.hasPendingInput)
    }

    @Test func invalidUTF8BecomesUnknown() {
        expectKeys([0xFF, 0x61], [.unknown([0xFF]), .character("a")])
        expectKeys([0xC3, 0x41], [.unknown([0xC3]), .character("A")])
        expectKeys([0xC2, 0x85], [.unknown([0xC2, 0x85])])
    }

    @Test func arrowSequences() {
        expectKeys(Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8), [.up, .down, .right, .left])
        expectKeys(Array("\u{1B}OA\u{1B}OB".utf8), [.up, .down])
        expectKeys(Array("\u{1B}[1;5A".utf8), [.up])
    }

    @Test func tildeSequences() {
        expectKeys(Array("\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~".utf8), [.delete, .pageUp, .pageDown, .home, .end])
        expectKeys(Array("\u{1B}[Z".utf8), [.backTab])
        expectKeys(Array("\u{1B}[99~".utf8), [.unknown(Array("\u{1B}[99~".utf8))])
    }

    @Test func escapeAloneNeedsFlush() {
        var decoder = KeyDecoder()

        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.hasPendingInput)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPendingInput)
        #expect(decoder.flush() == [])
    }

    @Test func escapeSequenceSplitAcrossReads() {
        var decoder = KeyDecoder()

        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.feed([UInt8(ascii: "[")]) == [])
        #expect(decoder.feed([UInt8(ascii: "B")]) == [.down])
    }

    @Test func doubleEscape() {
        var decoder = KeyDecoder()

        #expect(decoder.feed([0x1B, 0x1B]) == [.escape])
        #expect(decoder.flush() == [.escape])
    }

    @Test func altKeyIsUnknown() {
        expectKeys([0x1B, UInt8(ascii: "x"), UInt8(ascii: "q")], [.unknown([0x1B, UInt8(ascii: "x")]), .character("q")])
    }

    @Test func mixedInput() {
        let bytes = Array("a\u{1B}[Bä\r".utf8)
        expectKeys(bytes, [.character("a"), .down, .character("ä"), .enter])
    }
}
