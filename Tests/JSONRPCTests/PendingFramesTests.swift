import Testing

@testable import JSONRPC

@Suite struct PendingFramesTests {
    private func bytes(_ text: String) -> [UInt8] {
        Array(text.utf8)
    }

    @Test func smallFramesShareOneChunk() {
        var pending = PendingFrames()
        pending.append(header: bytes("H1"), body: bytes("{1}"))
        pending.append(header: bytes("H2"), body: bytes("{2}"))

        let chunks = pending.takeChunks()
        #expect(chunks == [bytes("H1{1}H2{2}")])
    }

    @Test func largeBodyStaysOwnChunk() {
        let large = [UInt8](repeating: UInt8(ascii: "x"), count: PendingFrames.gatheringLimit)
        var pending = PendingFrames()
        pending.append(header: bytes("H1"), body: bytes("{1}"))
        pending.append(header: bytes("H2"), body: large)
        pending.append(header: bytes("H3"), body: bytes("{3}"))

        let chunks = pending.takeChunks()
        #expect(chunks.count == 4)
        #expect(chunks.flatMap { $0 } == bytes("H1{1}H2") + large + bytes("H3{3}"))
    }

    @Test func fullChunkStartsAnother() {
        let body = [UInt8](repeating: UInt8(ascii: "y"), count: PendingFrames.gatheringLimit - 1)
        var pending = PendingFrames()
        pending.append(header: bytes("H1"), body: body)
        pending.append(header: bytes("H2"), body: body)

        let chunks = pending.takeChunks()
        #expect(chunks.count == 2)
        #expect(chunks.flatMap { $0 } == bytes("H1") + body + bytes("H2") + body)
    }

    @Test func takeChunksEmptiesQueue() {
        var pending = PendingFrames()
        pending.append(header: bytes("H1"), body: bytes("{1}"))
        _ = pending.takeChunks()
        pending.append(header: bytes("H2"), body: bytes("{2}"))

        #expect(pending.takeChunks() == [bytes("H2{2}")])
        #expect(pending.takeChunks().isEmpty)
    }
}
