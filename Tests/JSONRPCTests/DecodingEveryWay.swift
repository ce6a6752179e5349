@testable import JSONRPC
import Testing

/// Feeds the same stream to fresh decoders all at once, byte by byte and in chunks of several
/// sizes, checks that every way gives the same events, and returns them.
func decodeEveryWay<Decoder: FrameDecoding>(_ stream: [UInt8], makeDecoder: () -> Decoder) -> [FrameEvent] {
    var whole = makeDecoder()
    let expected = whole.feed(stream)

    for chunkSize in [1, 2, 3, 5, 7, 64] {
        var decoder = makeDecoder()
        var events: [FrameEvent] = []
        var start = 0
        while start < stream.count {
            let end = min(start + chunkSize, stream.count)
            events += decoder.feed(stream[start..<end])
            start = end
        }
        #expect(events == expected, "chunks of \(chunkSize) bytes")
    }
    return expected
}
