/// Separates a message's own bytes from what a local mail folder added around them.
enum OwnBytes {
    /// Header fields Thunderbird writes into messages of local folders to keep its flags.
    static let folderFieldNames: Set<String> = ["x-mozilla-status", "x-mozilla-status2", "x-mozilla-keys"]

    /// Removes a leading mbox "From " separator line and the Thunderbird folder fields from the
    /// top-level header section, and keeps every other byte as it is.
    ///
    /// - Returns: the message's own bytes, and the envelope sender named on the separator line.
    static func extract(from input: [UInt8]) -> (bytes: [UInt8], envelopeSender: String?) {
        var start = 0
        var envelopeSender: String?

        let firstLine = ByteLine(in: input, from: 0, limit: input.count)
        if HeaderSection.startsWithMboxSeparator(input, firstLine) {
            envelopeSender = separatorSender(input[(firstLine.start + 5)..<firstLine.contentEnd])
            start = firstLine.end
        }

        var ignoredDefects = DefectList()
        let layout = HeaderSection.layout(input, range: start..<input.count, defects: &ignoredDefects)
        let removed = layout.fields.filter { field in
            folderFieldNames.contains(String(decoding: input[field.name], as: UTF8.self).asciiLowercased())
        }
        guard !removed.isEmpty else {
            return (start == 0 ? input : Array(input[start...]), envelopeSender)
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count - start)
        var copied = start
        for field in removed {
            bytes.append(contentsOf: input[copied..<field.span.lowerBound])
            copied = field.span.upperBound
        }
        bytes.append(contentsOf: input[copied...])
        return (bytes, envelopeSender)
    }

    /// Returns the first word after "From ", which mbox writers set to the envelope sender.
    private static func separatorSender(_ rest: ArraySlice<UInt8>) -> String? {
        let word = rest.drop(while: ASCII.isBlank).prefix(while: { !ASCII.isBlank($0) })
        return word.isEmpty ? nil : TextDecoding.decodeWithFallback(word)
    }
}
