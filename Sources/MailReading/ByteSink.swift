/// The output of a decoder: a buffer with a size limit, or a counter.
///
/// Decoders are generic over the sink so that measuring a part's decoded size stores nothing.
protocol ByteSink {
    /// True once the sink takes no more bytes; decoders stop then.
    var isFull: Bool { get }
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: ArraySlice<UInt8>)
}

/// Keeps decoded bytes, up to a maximum count.
struct CollectingSink: ByteSink {
    let maximumCount: Int
    var bytes: [UInt8] = []

    init(maximumCount: Int) {
        self.maximumCount = maximumCount
    }

    var isFull: Bool { bytes.count >= maximumCount }

    mutating func append(_ byte: UInt8) {
        if !isFull {
            bytes.append(byte)
        }
    }

    mutating func append(contentsOf more: ArraySlice<UInt8>) {
        bytes.append(contentsOf: more.prefix(maximumCount - bytes.count))
    }
}

/// Counts decoded bytes without keeping them.
struct CountingSink: ByteSink {
    var count = 0

    var isFull: Bool { false }

    mutating func append(_ byte: UInt8) {
        count += 1
    }

    mutating func append(contentsOf bytes: ArraySlice<UInt8>) {
        count += bytes.count
    }
}
