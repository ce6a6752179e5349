extension String {
    /// This text broken into lines of at most `width` columns, at spaces where it can and inside a word where it must.
    ///
    /// - Parameters:
    ///   - width: The maximum display width of every line.
    ///   - indent: Spaces put before every line but the first, counted in the width.
    func wrapped(toWidth width: Int, indent: Int = 0) -> [String] {
        guard width > indent else { return [truncated(toWidth: width)] }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        let continuation = String(repeating: " ", count: indent)

        for word in split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let wordWidth = word.displayWidth
            let limit = lines.isEmpty ? width : width - indent
            if lineWidth > 0, lineWidth + 1 + wordWidth <= limit {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
            }

            // A word wider than a whole line is cut into pieces that fill the lines.
            var rest = word
            while rest.displayWidth > (lines.isEmpty ? width : width - indent) {
                let piece = rest.prefix(fittingWidth: lines.isEmpty ? width : width - indent)
                lines.append(piece)
                rest.removeFirst(piece.count)
            }
            line = rest
            lineWidth = rest.displayWidth
        }
        if lineWidth > 0 || lines.isEmpty {
            lines.append(line)
        }

        return lines.enumerated().map { index, text in index == 0 ? text : continuation + text }
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
