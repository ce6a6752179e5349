/// One line of a byte buffer, ended by LF or CRLF, or by the end of the range it was read from.
struct ByteLine {
    /// Index of the line's first byte.
    let start: Int
    /// Index just past the line's content, before its CR LF or LF.
    let contentEnd: Int
    /// Index just past the line ending, where the next line starts.
    let end: Int

    var isEmpty: Bool { contentEnd == start }
    var contentCount: Int { contentEnd - start }

    /// Reads the line that starts at `start`, looking no further than `limit`.
    ///
    /// A bare CR inside a line is content: only LF ends a line, and a CR right before it belongs to
    /// the ending.
    init(in bytes: [UInt8], from start: Int, limit: Int) {
        self.start = start

        guard let lineFeed = bytes[start..<limit].firstIndex(of: ASCII.lineFeed) else {
            contentEnd = limit
            end = limit
            return
        }

        end = lineFeed + 1
        if lineFeed > start, bytes[lineFeed - 1] == ASCII.carriageReturn {
            contentEnd = lineFeed - 1
        } else {
            contentEnd = lineFeed
        }
    }
}
