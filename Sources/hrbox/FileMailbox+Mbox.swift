extension FileMailbox {
    /// Returns the byte ranges of the messages of an mbox file, each starting at its "From " line.
    ///
    /// A message starts at a line beginning with "From " at the start of the file or after an empty
    /// line. The empty line that ends each message, the last one too, belongs to the mbox format,
    /// not to the message, so it is left out, as mutt leaves it out of a piped message. Body lines that the
    /// mbox writer escaped as ">From " are kept as written, which is also what mutt pipes, so that a
    /// message filed from mutt later is found filed already. A file that does not start with "From "
    /// has no messages.
    static func mboxMessageRanges(in bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
        guard startsWithSeparator(bytes, at: 0) else {
            return []
        }

        var ranges: [Range<Int>] = []
        var start = 0
        var lineStart = 0
        var previousLineWasEmpty = false
        while lineStart < bytes.count {
            let lineEnd = endOfLine(in: bytes, from: lineStart)
            if lineStart > start, previousLineWasEmpty, startsWithSeparator(bytes, at: lineStart) {
                ranges.append(start..<(lineStart - emptyLineLength(in: bytes, before: lineStart)))
                start = lineStart
            }
            previousLineWasEmpty = isEmptyLine(bytes, from: lineStart, to: lineEnd)
            lineStart = lineEnd
        }
        // mbox writers end the last message with an empty line too.
        let end = previousLineWasEmpty ? bytes.count - emptyLineLength(in: bytes, before: bytes.count) : bytes.count
        ranges.append(start..<max(start, end))
        return ranges
    }

    /// Returns the offset just past the line feed of the line that starts at `start`, or the end of the bytes.
    private static func endOfLine(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let lineFeed = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
            return bytes.count
        }
        return lineFeed + 1
    }

    private static func startsWithSeparator(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let separator: [UInt8] = Array("From ".utf8)
        return bytes.count - offset >= separator.count && bytes[offset..<(offset + separator.count)].elementsEqual(separator)
    }

    private static func isEmptyLine(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
        let content = bytes[start..<end]
        return content.elementsEqual([UInt8(ascii: "\n")]) || content.elementsEqual([UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }

    /// Returns the length of the empty line, "\n" or "\r\n", that ends just before `offset`.
    private static func emptyLineLength(in bytes: UnsafeRawBufferPointer, before offset: Int) -> Int {
        offset >= 2 && bytes[offset - 2] == UInt8(ascii: "\r") ? 2 : 1
    }
}
