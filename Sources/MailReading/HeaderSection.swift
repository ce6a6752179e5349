/// The header section at the start of a message or body part: its fields and where the body starts.
struct HeaderSection {
    /// The byte ranges of one field in the buffer.
    struct FieldLayout {
        let name: Range<Int>
        /// From just after the colon to the end of the last folded line, line endings excluded.
        let value: Range<Int>
        /// The whole field with the line ending of its last line.
        let span: Range<Int>
    }

    /// Byte limit of a header line in RFC 5322, line ending excluded.
    static let lineLengthLimit = 998

    let fields: [HeaderField]
    /// Index where the body starts, just past the empty line; the end of the range when there is none.
    let bodyStart: Int

    /// Reads the header section at the start of `range`, decoding each field's value as text.
    init(_ bytes: [UInt8], range: Range<Int>, defects: inout DefectList) {
        let layout = Self.layout(bytes, range: range, defects: &defects)
        fields = layout.fields.map { Self.makeField(bytes, $0, defects: &defects) }
        bodyStart = layout.bodyStart
    }

    /// Finds the fields of the header section at the start of `range` without decoding them.
    ///
    /// The section ends at the first empty line. A line that is neither a field nor a folded
    /// continuation also ends it, and the body is taken to start there. A leading mbox "From " line
    /// is skipped.
    static func layout(
        _ bytes: [UInt8],
        range: Range<Int>,
        defects: inout DefectList
    ) -> (fields: [FieldLayout], bodyStart: Int) {
        var fields: [FieldLayout] = []
        var position = range.lowerBound

        while position < range.upperBound {
            let line = ByteLine(in: bytes, from: position, limit: range.upperBound, bareCarriageReturnEndsLine: true)
            if line.isEmpty {
                return (fields, line.end)
            }
            if line.endsWithBareCarriageReturn {
                // Without this, `To: a@example.com<CR>Cc: b@example.org` would read as one address.
                defects.add(
                    .bareCarriageReturn,
                    "A header line ends with a CR that no LF follows; the CR was read as a line end.",
                    field: nameOfField(holding: line, bytes, fields)
                )
            }
            if line.contentCount > lineLengthLimit {
                defects.add(
                    .headerLineTooLong,
                    "A header line is longer than \(lineLengthLimit) octets; it was read in full.",
                    field: nameOfField(holding: line, bytes, fields)
                )
            }

            if ASCII.isBlank(bytes[line.start]) {
                if let last = fields.popLast() {
                    fields.append(
                        FieldLayout(
                            name: last.name,
                            value: last.value.lowerBound..<line.contentEnd,
                            span: last.span.lowerBound..<line.end
                        )
                    )
                } else {
                    defects.add(.invalidHeaderLine, "A folded line comes before the first header field; it was ignored.")
                }
            } else if let (name, colon) = fieldName(bytes, line) {
                fields.append(FieldLayout(name: name, value: (colon + 1)..<line.contentEnd, span: line.start..<line.end))
            } else if fields.isEmpty, line.start == range.lowerBound, startsWithMboxSeparator(bytes, line) {
                // Skipped without a defect: mbox files put this line before every message.
            } else {
                defects.add(
                    .invalidHeaderLine,
                    "A line in the header section is not a header field; the body was taken to start there."
                )
                return (fields, line.start)
            }

            position = line.end
        }
        return (fields, range.upperBound)
    }

    /// Returns the name of the field a folded line continues, else of the field the line starts, or
    /// nil when the line belongs to no field.
    private static func nameOfField(holding line: ByteLine, _ bytes: [UInt8], _ fields: [FieldLayout]) -> String? {
        let nameRange = ASCII.isBlank(bytes[line.start]) ? fields.last?.name : fieldName(bytes, line)?.name
        return nameRange.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Tells whether a line is the "From " separator line that mbox files put before each message:
    /// it starts with "From " and no colon follows the blanks after "From". So `From : a@example.com`,
    /// a From field in the obsolete syntax with white space before the colon, is no separator.
    static func startsWithMboxSeparator(_ bytes: [UInt8], _ line: ByteLine) -> Bool {
        guard line.contentCount >= 5, bytes[line.start..<(line.start + 5)].elementsEqual("From ".utf8) else {
            return false
        }
        let afterName = bytes[(line.start + 4)..<line.contentEnd].first(where: { !ASCII.isBlank($0) })
        return afterName != ASCII.colon
    }

    /// Finds the field name when the line starts a field: printable ASCII other than the colon, then
    /// the colon. White space before the colon (an obsolete form) is allowed and left out of the name.
    ///
    /// - Returns: the name's range and the colon's index, or nil when the line starts no field.
    private static func fieldName(_ bytes: [UInt8], _ line: ByteLine) -> (name: Range<Int>, colon: Int)? {
        guard let colon = bytes[line.start..<line.contentEnd].firstIndex(of: ASCII.colon) else { return nil }

        var nameEnd = colon
        while nameEnd > line.start, ASCII.isBlank(bytes[nameEnd - 1]) {
            nameEnd -= 1
        }
        guard nameEnd > line.start else { return nil }
        guard bytes[line.start..<nameEnd].allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return (line.start..<nameEnd, colon)
    }

    private static func makeField(_ bytes: [UInt8], _ layout: FieldLayout, defects: inout DefectList) -> HeaderField {
        let name = String(decoding: bytes[layout.name], as: UTF8.self)
        let raw = bytes[layout.value]
        let unfolded = trimmedBlanks(ArraySlice(raw.filter { $0 != ASCII.carriageReturn && $0 != ASCII.lineFeed }))

        if let rawText = String(validating: raw, as: UTF8.self) {
            return HeaderField(name: name, rawValue: rawText, unfoldedValue: String(decoding: unfolded, as: UTF8.self))
        }

        defects.add(.nonUTF8Header, "The field holds bytes that are not UTF-8; they were read as windows-1252.", field: name)
        return HeaderField(
            name: name,
            rawValue: TextDecoding.decodeWindows1252(raw),
            unfoldedValue: TextDecoding.decodeWindows1252(unfolded)
        )
    }

    private static func trimmedBlanks(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !ASCII.isBlank($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isBlank($0) })
        else { return [] }
        return bytes[first...last]
    }
}
