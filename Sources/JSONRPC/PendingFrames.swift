/// Frames waiting for the writer, in order, as chunks that are each written with one call.
///
/// Small frames are copied together into one chunk. A large body stays a chunk of its own, so
/// that a reply of many megabytes is not copied.
struct PendingFrames {
    /// The size from which a body is kept as its own chunk instead of being copied.
    static let gatheringLimit = 64 * 1024

    private(set) var chunks: [[UInt8]] = []
    /// True while the last chunk gathers small frames and has room for more.
    private var lastChunkGathers = false
    /// True while a write of the chunks is scheduled on the writer's queue.
    var isWriteScheduled = false

    mutating func append(header: [UInt8], body: [UInt8]) {
        guard body.count < Self.gatheringLimit else {
            chunks.append(header)
            chunks.append(body)
            lastChunkGathers = false
            return
        }
        if !lastChunkGathers {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.gatheringLimit)
            lastChunkGathers = true
        }
        chunks[chunks.count - 1].append(contentsOf: header)
        chunks[chunks.count - 1].append(contentsOf: body)
        if chunks[chunks.count - 1].count >= Self.gatheringLimit {
            lastChunkGathers = false
        }
    }

    /// Returns the chunks in order and leaves none behind.
    mutating func takeChunks() -> [[UInt8]] {
        lastChunkGathers = false
        defer { chunks = [] }
        return chunks
    }
}
