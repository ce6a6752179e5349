/// Lenient quoted-printable decoding (RFC 2045 section 6.7) for body parts.
///
/// Soft line breaks are removed, also when blanks stand between the `=` and the line end, and blanks at
/// the end of a line are dropped as transport padding. An `=` that starts no valid escape is kept
/// as it is and reported.
enum QuotedPrintable {
    /// Decodes up to `maximumCount` bytes.
    static func decode(
        _ input: ArraySlice<UInt8>,
        maximumCount: Int = .max
    ) -> (bytes: [UInt8], hadInvalidEscapes: Bool) {
        var sink = CollectingSink(maximumCount: maximumCount)
        sink.bytes.reserveCapacity(min(maximumCount, input.count))
        let invalid = decode(input, into: &sink)
        return (sink.bytes, invalid)
    }

    /// Counts the decoded bytes without storing them.
    static func decodedCount(_ input: ArraySlice<UInt8>) -> (count: Int, hadInvalidEscapes: Bool) {
        var sink = CountingSink()
        let invalid = decode(input, into: &sink)
        return (sink.count, invalid)
    }

    /// Writes the decoded bytes to `sink` until it is full.
    ///
    /// - Returns: whether an `=` started no valid escape.
    private static func decode(_ input: ArraySlice<UInt8>, into sink: inout some ByteSink) -> Bool {
        var index = input.startIndex
        var sawInvalid = false

        while index < input.endIndex, !sink.isFull {
            let byte = input[index]

            if byte == ASCII.equals {
                let escape = readEscape(input, at: index)
                sawInvalid = sawInvalid || escape.invalid
                if let decoded = escape.byte {
                    sink.append(decoded)
                }
                index = escape.next
                continue
            }

            if ASCII.isBlank(byte) {
                let blanksEnd = input[index...].firstIndex(where: { !ASCII.isBlank($0) }) ?? input.endIndex
                if !endsLine(input, at: blanksEnd) {
                    sink.append(contentsOf: input[index..<blanksEnd])
                }
                index = blanksEnd
                continue
            }

            let runEnd = input[index...].firstIndex(where: { $0 == ASCII.equals || ASCII.isBlank($0) }) ?? input.endIndex
            sink.append(contentsOf: input[index..<runEnd])
            index = runEnd
        }
        return sawInvalid
    }

    /// Reads the escape that starts with the `=` at `index`.
    ///
    /// - Returns: the decoded byte (nil for a soft line break), whether the escape was invalid, and
    ///   where reading goes on.
    private static func readEscape(_ input: ArraySlice<UInt8>, at index: Int) -> (byte: UInt8?, invalid: Bool, next: Int) {
        let afterEquals = index + 1

        if afterEquals + 1 < input.endIndex,
            let high = ASCII.hexValue(input[afterEquals]),
            let low = ASCII.hexValue(input[afterEquals + 1])
        {
            return (high << 4 | low, false, afterEquals + 2)
        }

        let blanksEnd = input[afterEquals...].firstIndex(where: { !ASCII.isBlank($0) }) ?? input.endIndex
        if endsLine(input, at: blanksEnd) {
            return (nil, false, indexAfterLineEnding(input, at: blanksEnd))
        }
        return (ASCII.equals, true, afterEquals)
    }

    /// Tells whether `index` is at a line ending (CR LF, LF) or at the end of the input.
    private static func endsLine(_ input: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index < input.endIndex else { return true }
        if input[index] == ASCII.lineFeed {
            return true
        }
        return input[index] == ASCII.carriageReturn && index + 1 < input.endIndex && input[index + 1] == ASCII.lineFeed
    }

    private static func indexAfterLineEnding(_ input: ArraySlice<UInt8>, at index: Int) -> Int {
        guard index < input.endIndex else { return index }
        return input[index] == ASCII.carriageReturn ? index + 2 : index + 1
    }
}
