import Testing

@testable import JSONRPC

private func decodeEveryWay(_ stream: [UInt8], maxBodyBytes: Int = 1024) -> [FrameDecoder.Event] {
    decodeEveryWay(stream) { FrameDecoder(maxBodyBytes: maxBodyBytes) }
}

private func bytes(_ text: String) -> [UInt8] {
    Array(text.utf8)
}

private func body(_ text: String) -> FrameDecoder.Event {
    .body(Array(text.utf8))
}

@Suite struct FrameDecoderTests {
    @Test func decoderReadsOneFrame() {
        #expect(decodeEveryWay(bytes("Content-Length: 7\r\n\r\n{\"a\":1}")) == [body("{\"a\":1}")])
    }

    @Test func decoderReadsFramesBackToBack() {
        let stream = bytes("Content-Length: 2\r\n\r\n[]Content-Length: 4\r\n\r\nnullContent-Length: 1\r\n\r\n1")
        #expect(decodeEveryWay(stream) == [body("[]"), body("null"), body("1")])
    }

    @Test func decoderCountsBytesNotCharacters() {
        let json = "\"Grüße 😀\""
        let stream = bytes("Content-Length: \(json.utf8.count)\r\n\r\n\(json)Content-Length: 2\r\n\r\n{}")
        #expect(decodeEveryWay(stream) == [body(json), body("{}")])
    }

    @Test func headerSyntaxVariants() {
        let stream = bytes(
            "content-length:2\r\n\r\n[]"
                + "CONTENT-LENGTH:   3  \r\n\r\n[1]"
                + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Extra: yes\r\nContent-Length: 4\r\n\r\ntrue"
                + "Content-Length: 5\nContent-Type: application/json; charset=\"UTF8\"\n\nfalse"
        )
        #expect(decodeEveryWay(stream) == [body("[]"), body("[1]"), body("true"), body("false")])
    }

    @Test func decoderDropsByteOrderMark() {
        let stream = [UInt8](bytes("Content-Length: 5\r\n\r\n")) + [0xEF, 0xBB, 0xBF] + bytes("{}")
        #expect(decodeEveryWay(stream) == [body("{}")])
    }

    @Test func decoderToleratesBlankLinesBetweenFrames() {
        let stream = bytes("Content-Length: 2\r\n\r\n{}\r\n\r\nContent-Length: 2\r\n\r\n[]")
        #expect(decodeEveryWay(stream) == [body("{}"), body("[]")])
    }

    @Test func decoderReportsEmptyBody() {
        #expect(decodeEveryWay(bytes("Content-Length: 0\r\n\r\nContent-Length: 1\r\n\r\n1")) == [.body([]), body("1")])
    }

    @Test func malformedHeaderResynchronizes() {
        let stream = bytes("Content-Lenght 5\r\n\r\nhelloContent-Length: 2\r\n\r\n{}")
        #expect(
            decodeEveryWay(stream) == [
                .error(.malformedHeader("a header line is not of the form \"Name: value\"")),
                body("{}"),
            ]
        )
    }

    @Test func invalidContentLengthResynchronizes() {
        for value in ["abc", "-1", "1.5", "", "9999999999999999999"] {
            let stream = bytes("Content-Length: \(value)\r\n\r\n{}Content-Length: 2\r\n\r\n[]")
            #expect(
                decodeEveryWay(stream) == [
                    .error(.malformedHeader("Content-Length must be one decimal number of bytes")),
                    body("[]"),
                ],
                "Content-Length: \(value)"
            )
        }
    }

    @Test func conflictingContentLengthsRejected() {
        let stream = bytes("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}Content-Length: 2\r\n\r\n[]")
        #expect(
            decodeEveryWay(stream) == [.error(.malformedHeader("Content-Length must be one decimal number of bytes")), body("[]")]
        )
    }

    @Test func missingContentLengthResynchronizes() {
        let stream = bytes("Content-Type: application/json\r\n\r\n{}Content-Length: 2\r\n\r\n[]")
        #expect(decodeEveryWay(stream) == [.error(.malformedHeader("the header has no Content-Length")), body("[]")])
    }

    @Test func strayBytesWithLineEndSkipped() {
        let stream = bytes("Content-Length: 2\r\n\r\n{}garbage\r\nContent-Length: 2\r\n\r\n[]")
        #expect(
            decodeEveryWay(stream) == [
                body("{}"),
                .error(.malformedHeader("a header line is not of the form \"Name: value\"")),
                body("[]"),
            ]
        )
    }

    @Test func strayBytesGluedToHeaderSkipped() {
        for garbage in ["}}", "xyz", "some text ", "a:b "] {
            let stream = bytes("Content-Length: 2\r\n\r\n{}\(garbage)Content-Length: 2\r\n\r\n[]")
            #expect(
                decodeEveryWay(stream) == [
                    body("{}"),
                    .error(.malformedHeader("stray bytes before a Content-Length header")),
                    body("[]"),
                ],
                "garbage \(garbage)"
            )
        }
    }

    @Test func oversizedBodySkippedAsItArrives() {
        let big = String(repeating: "x", count: 2000)
        let stream = bytes("Content-Length: 2000\r\n\r\n\(big)Content-Length: 2\r\n\r\n{}")
        #expect(decodeEveryWay(stream) == [.error(.bodyTooLarge(declared: 2000, limit: 1024)), body("{}")])
    }

    @Test func hugeDeclaredLengthReservesNothing() {
        var decoder = FrameDecoder(maxBodyBytes: Int.max)
        let events = decoder.feed(bytes("Content-Length: 999999999999999999\r\n\r\n{}"))
        #expect(events.isEmpty)
        #expect(!decoder.isAtFrameBoundary)
    }

    @Test func unsupportedCharsetSkipsBody() {
        let stream = bytes(
            "Content-Type: application/json; charset=latin1\r\nContent-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]"
        )
        #expect(decodeEveryWay(stream) == [.error(.unsupportedCharset("latin1")), body("[]")])
    }

    @Test func overlongHeaderRejected() {
        let stream = bytes("X-Padding: \(String(repeating: "a", count: FrameDecoder.maxHeaderBytes))\r\nContent-Length: 2\r\n\r\n[]")
        #expect(
            decodeEveryWay(stream) == [
                .error(.malformedHeader("the header is longer than \(FrameDecoder.maxHeaderBytes) bytes")),
                body("[]"),
            ]
        )
    }

    @Test func frameBoundaryTracking() {
        var decoder = FrameDecoder()
        #expect(decoder.isAtFrameBoundary)
        _ = decoder.feed(bytes("Content-Len"))
        #expect(!decoder.isAtFrameBoundary)
        _ = decoder.feed(bytes("gth: 2\r\n\r\n{"))
        #expect(!decoder.isAtFrameBoundary)
        #expect(decoder.feed(bytes("}")) == [body("{}")])
        #expect(decoder.isAtFrameBoundary)
    }

    @Test func encoderWritesByteLength() {
        let frame = FrameEncoder.frame(body: bytes("\"é\""))
        #expect(frame == bytes("Content-Length: 4\r\n\r\n\"é\""))
        var decoder = FrameDecoder()
        #expect(decoder.feed(frame) == [body("\"é\"")])
    }

    @Test func errorDescriptions() {
        #expect(
            FramingError.bodyTooLarge(declared: 10, limit: 5).description
                == "the message of 10 bytes exceeds the limit of 5 bytes and was skipped"
        )
        #expect(FramingError.unsupportedCharset("latin1").description == "unsupported charset \"latin1\"; send the body in UTF-8")
    }
}
