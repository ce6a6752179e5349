/// Splits the body of a multipart part at its boundary delimiter lines (RFC 2046 section 5.1.1).
enum MultipartBody {
    struct Split {
        /// The body parts between delimiter lines, each with its header section.
        var parts: [Range<Int>] = []
        /// Whether a delimiter line was found at all.
        var foundDelimiter = false
        /// Whether the close delimiter (`--boundary--`) was found.
        var closed = false
    }

    /// Finds the body parts in `range`.
    ///
    /// A delimiter line is `--` and the boundary, optionally `--`, then only blanks up to the line
    /// end, so a longer boundary that starts with this one, or `--boundary--junk`, is part content.
    /// The line break before a delimiter line belongs to the delimiter, not to the part. Without a
    /// close delimiter the last part runs to the end of the range.
    static func split(_ bytes: [UInt8], range: Range<Int>, boundary: String) -> Split {
        let delimiter = Array("--\(boundary)".utf8)
        var split = Split()
        var partStart: Int?
        var position = range.lowerBound

        while position < range.upperBound {
            let line = ByteLine(in: bytes, from: position, limit: range.upperBound)
            position = line.end

            guard let isClose = delimiterKind(bytes, line, delimiter) else { continue }

            split.foundDelimiter = true
            if let start = partStart {
                split.parts.append(start..<endOfContent(bytes, before: line.start, from: start))
            }
            if isClose {
                split.closed = true
                return split
            }
            partStart = line.end
        }

        if let start = partStart {
            split.parts.append(start..<range.upperBound)
        }
        return split
    }

    /// Returns nil when the line is no delimiter line, true for the close delimiter and false for
    /// any other.
    private static func delimiterKind(_ bytes: [UInt8], _ line: ByteLine, _ delimiter: [UInt8]) -> Bool? {
        guard line.contentCount >= delimiter.count,
            bytes[line.start..<(line.start + delimiter.count)].elementsEqual(delimiter)
        else { return nil }

        var rest = line.start + delimiter.count
        var isClose = false
        if rest + 2 <= line.contentEnd, bytes[rest] == ASCII.hyphen, bytes[rest + 1] == ASCII.hyphen {
            isClose = true
            rest += 2
        }
        guard bytes[rest..<line.contentEnd].allSatisfy(ASCII.isBlank) else { return nil }
        return isClose
    }

    /// Returns the end of a part's content: `lineStart` less the CR LF or LF right before it.
    private static func endOfContent(_ bytes: [UInt8], before lineStart: Int, from partStart: Int) -> Int {
        var end = lineStart
        if end > partStart, bytes[end - 1] == ASCII.lineFeed {
            end -= 1
            if end > partStart, bytes[end - 1] == ASCII.carriageReturn {
                end -= 1
            }
        }
        return end
    }
}
