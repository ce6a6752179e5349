import Testing

@testable import HRBoxConformance

@Suite("OutputFrameSplitter")
struct OutputFrameSplitterTests {
    private func split(_ text: String) throws(OutputFrameSplitter.Failure) -> [String] {
        try OutputFrameSplitter.split(Array(text.utf8), transport: .lsp).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func lspFramesSplit() throws {
        let bodies = try split("Content-Length: 2\r\n\r\n{}Content-Length: 3\r\nContent-Type: application/json\r\n\r\n[1]")
        #expect(bodies == ["{}", "[1]"])
    }

    @Test func lspLengthCountsBytes() throws {
        #expect(try split("Content-Length: 7\r\n\r\n\"ü陽\"") == ["\"ü陽\""])
    }

    @Test(arguments: [
        ("stray text", "hello", 0),
        ("stray text after a frame", "Content-Length: 2\r\n\r\n{}hello\r\n\r\n", 23),
        ("bare LF", "Content-Length: 2\n\n{}", 0),
        ("no Content-Length", "Content-Type: application/json\r\n\r\n{}", 0),
        ("length with a sign", "Content-Length: +2\r\n\r\n{}", 0),
        ("two lengths", "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 19),
        ("body cut short", "Content-Length: 9\r\n\r\n{}", 21),
        ("header cut short", "Content-Length: 2\r\n", 19),
    ])
    func lspStrayBytesFail(name: String, text: String, offset: Int) {
        #expect(throws: OutputFrameSplitter.Failure.self, "\(name)") { try split(text) }
        do {
            _ = try split(text)
        } catch {
            #expect(error.offset == offset, "\(name)")
        }
    }

    private func nativeFrame(_ body: String) -> [UInt8] {
        ConformanceTransport.native.frame(Array(body.utf8))
    }

    @Test func nativeFramesSplit() throws {
        let bodies = try OutputFrameSplitter.split(nativeFrame("{}") + nativeFrame("[1,2]"), transport: .native)
        #expect(bodies == [Array("{}".utf8), Array("[1,2]".utf8)])
    }

    @Test func nativeLengthIsMachineOrder() {
        let frame = nativeFrame("{}")
        let length = frame[0..<4].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        #expect(length == 2)
    }

    @Test func nativeTruncatedFrameFails() {
        let output = nativeFrame("{}") + nativeFrame("[1,2]").dropLast()
        #expect(throws: OutputFrameSplitter.Failure.self) { try OutputFrameSplitter.split(output, transport: .native) }
    }

    @Test func nativeShortLengthFails() {
        #expect(throws: OutputFrameSplitter.Failure.self) { try OutputFrameSplitter.split([2, 0], transport: .native) }
    }

    @Test func nativeReplyOverOneMebibyteFails() {
        let length = UInt32(ConformanceTransport.maxNativeReplyBytes + 1)
        let header = withUnsafeBytes(of: length) { Array($0) }
        #expect(throws: OutputFrameSplitter.Failure.self) { try OutputFrameSplitter.split(header, transport: .native) }
    }
}
