/// One line of a byte buffer, ended by LF or CRLF, or by the end of the range it was read from.
struct ByteLine {
    /// Index of the line's first byte.
    let start: Int
    /// Index just past the line's content, before its CR LF or LF.
    let contentEnd: Int
    /// Index just past the line ending, where the next line starts.
    let end: Int
    /// True when a CR without a following LF ended the line, which only `bareCarriageReturnEndsLine`
    /// allows, as in a header section.
    let endsWithBareCarriageReturn: Bool

    var isEmpty: Bool { contentEnd == start }
    var contentCount: Int { contentEnd - start }

    /// Reads the line that starts at `start`, looking no further than `limit`.
    ///
    /// A CR right before an LF belongs to the line ending. Any other CR is content, but when
    /// `bareCarriageReturnEndsLine` is set it ends the line instead, the way old Mac OS wrote lines.
    init(in bytes: [UInt8], from start: Int, limit: Int, bareCarriageReturnEndsLine: Bool = false) {
        self.start = start

        let ending =
            bareCarriageReturnEndsLine
            ? bytes[start..<limit].firstIndex(where: { $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn })
            : bytes[start..<limit].firstIndex(of: ASCII.lineFeed)
        guard let ending else {
            contentEnd = limit
            end = limit
            endsWithBareCarriageReturn = false
            return
        }

        if bytes[ending] == ASCII.carriageReturn {
            let followedByLineFeed = ending + 1 < limit && bytes[ending + 1] == ASCII.lineFeed
            contentEnd = ending
            end = followedByLineFeed ? ending + 2 : ending + 1
            endsWithBareCarriageReturn = !followedByLineFeed
            return
        }

        end = ending + 1
        endsWithBareCarriageReturn = false
        if ending > start, bytes[ending - 1] == ASCII.carriageReturn {
            contentEnd = ending - 1
        } else {
            contentEnd = ending
        }
    }
}
