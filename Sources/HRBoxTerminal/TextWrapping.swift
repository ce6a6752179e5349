extension String {
    /// This text broken into lines of at most `width` columns, at spaces where it can and inside a word where it must.
    ///
    /// Spaces at the start of the text stay at the start of the first line; runs of spaces inside it become one.
    ///
    /// - Parameters:
    ///   - width: The maximum display width of every line.
    ///   - indent: Spaces put before every line but the first, counted in the width.
    func wrapped(toWidth width: Int, indent: Int = 0) -> [String] {
        let leading = String(prefix { $0 == " " })
        guard width > indent, width > leading.count else { return [truncated(toWidth: width)] }

        var lines: [String] = []
        var line = leading
        var lineHasWord = false
        let continuation = String(repeating: " ", count: indent)

        for word in split(separator: " ").map(String.init) {
            let limit = lines.isEmpty ? width : width - indent
            if lineHasWord, line.displayWidth + 1 + word.displayWidth <= limit {
                line += " " + word
                continue
            }
            if lineHasWord {
                lines.append(line)
                line = ""
            }

            // A word wider than a whole line is cut into pieces that fill the lines.
            var rest = word
            while line.displayWidth + rest.displayWidth > (lines.isEmpty ? width : width - indent) {
                let room = (lines.isEmpty ? width : width - indent) - line.displayWidth
                let piece = rest.prefix(fittingWidth: room)
                lines.append(line + piece)
                line = ""
                rest.removeFirst(piece.count)
            }
            line += rest
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty {
            lines.append(line)
        }

        return lines.enumerated().map { index, text in index == 0 ? text : continuation + text }
    }

    /// This text wrapped as ``wrapped(toWidth:indent:)`` does, in at most `maximumLines` lines.
    ///
    /// When the text needs more lines, the last line shown is filled with what follows and ends in "…",
    /// so that the reader sees the text goes on.
    func wrapped(toWidth width: Int, indent: Int = 0, maximumLines: Int) -> [String] {
        let lines = wrapped(toWidth: width, indent: indent)
        guard maximumLines > 0, lines.count > maximumLines else { return Array(lines.prefix(max(maximumLines, 0))) }

        var shown = Array(lines.prefix(maximumLines))
        let next = lines[maximumLines].drop { $0 == " " }
        shown[maximumLines - 1] = (shown[maximumLines - 1] + " " + next).truncated(toWidth: width)
        return shown
    }

    /// Returns the longest prefix of this text that fits in `width` columns, with a minimum of one character.
    private func prefix(fittingWidth width: Int) -> String {
        var result = ""
        var used = 0
        for character in self {
            let characterWidth = character.displayWidth
            if used + characterWidth > width, !result.isEmpty { break }
            result.append(character)
            used += characterWidth
        }
        return result
    }
}
