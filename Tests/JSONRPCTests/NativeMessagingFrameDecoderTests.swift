import Testing

@testable import JSONRPC

private func decodeEveryWay(_ stream: [UInt8], maxBodyBytes: Int = 1024) -> [FrameEvent] {
    var whole = NativeMessagingFrameDecoder(maxBodyBytes: maxBodyBytes)
    _ = whole.feed(stream)
    #expect(whole.isAtFrameBoundary, "the stream ends inside a frame")
    return decodeEveryWay(stream) { NativeMessagingFrameDecoder(maxBodyBytes: maxBodyBytes) }
}

/// Builds a frame with the length in this machine's byte order, without the encoder under test.
private func frame(_ text: String) -> [UInt8] {
    frame(declaring: text.utf8.count) + Array(text.utf8)
}

private func frame(declaring length: Int) -> [UInt8] {
    var value = UInt32(length)
    return withUnsafeBytes(of: &value) { Array($0) }
}

private func body(_ text: String) -> FrameEvent {
    .body(Array(text.utf8))
}

@Suite struct NativeMessagingFrameDecoderTests {
    @Test func decoderReadsOneFrame() {
        #expect(decodeEveryWay(frame(#"{"a":1}"#)) == [body(#"{"a":1}"#)])
    }

    @Test func decoderReadsFramesBackToBack() {
        let stream = frame("[]") + frame("null") + frame("\"Grüße 😀\"") + frame("1")
        #expect(decodeEveryWay(stream) == [body("[]"), body("null"), body("\"Grüße 😀\""), body("1")])
    }

    @Test func zeroLengthIsEmptyBody() {
        #expect(decodeEveryWay(frame("") + frame("{}")) == [.body([]), body("{}")])
    }

    @Test func oversizedBodySkipped() {
        let tooLong = String(repeating: "x", count: 300)
        let stream = frame("[1]") + frame(tooLong) + frame("[2]")
        #expect(
            decodeEveryWay(stream, maxBodyBytes: 299) == [
                body("[1]"), .error(.bodyTooLarge(declared: 300, limit: 299)), body("[2]"),
            ])
    }

    @Test func bodyAtLimitAccepted() {
        let atLimit = String(repeating: "y", count: 16)
        #expect(decodeEveryWay(frame(atLimit), maxBodyBytes: 16) == [body(atLimit)])
    }

    @Test func largestLengthNeedsNoMemory() {
        var decoder = NativeMessagingFrameDecoder(maxBodyBytes: Int.max)
        #expect(decoder.feed(frame(declaring: Int(UInt32.max)) + Array("{".utf8)).isEmpty)
        #expect(!decoder.isAtFrameBoundary)
    }

    @Test func byteOrderMarkDropped() {
        let stream = frame(declaring: 5) + [0xEF, 0xBB, 0xBF] + Array("{}".utf8)
        #expect(decodeEveryWay(stream) == [body("{}")])
    }

    @Test func boundaryInsideLengthAndBody() {
        var decoder = NativeMessagingFrameDecoder()
        #expect(decoder.isAtFrameBoundary)
        let stream = frame("[true]")
        #expect(decoder.feed(stream[0..<2]).isEmpty)
        #expect(!decoder.isAtFrameBoundary)
        #expect(decoder.feed(stream[2..<6]).isEmpty)
        #expect(!decoder.isAtFrameBoundary)
        #expect(decoder.feed(stream[6...]) == [body("[true]")])
        #expect(decoder.isAtFrameBoundary)
    }

    @Test func encoderWritesNativeOrderLength() throws {
        let encoded = try #require(NativeMessagingFrameEncoder.frame(body: Array("[1,2]".utf8)))
        #expect(encoded == frame("[1,2]"))
        let isLittleEndian = UInt32(1).littleEndian == 1
        #expect(Array(encoded.prefix(4)) == (isLittleEndian ? [5, 0, 0, 0] : [0, 0, 0, 5]))
        #expect(NativeMessagingFrameEncoder.header(bodyByteCount: Int(UInt32.max) + 1) == nil)
    }
}
