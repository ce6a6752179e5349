/// The readable text of an HTML body, for a preview: tags, comments, scripts and styles removed,
/// character references decoded.
///
/// It is no HTML parser: it does not build a tree or fix broken markup, which a preview does not need.
enum HTMLText {
    /// Elements whose content a browser does not show as text.
    private static let hiddenElements: Set<String> = ["head", "script", "style", "title", "template"]
    /// Elements that break a line, so that words on either side stay apart.
    private static let blockElements: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "section", "article", "header", "footer", "body",
    ]
    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "ccedil": "ç", "Eacute": "É",
        "euro": "€", "ndash": "–", "mdash": "—", "hellip": "…", "copy": "©", "reg": "®", "trade": "™",
        "laquo": "«", "raquo": "»", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "middot": "·", "bull": "•", "shy": "\u{AD}",
    ]

    /// Extracts text until about `limit` scalars are written.
    static func text(of html: String, limit: Int) -> String {
        let scalars = Array(html.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(limit)
        var index = 0

        while index < scalars.count, output.count < limit {
            let scalar = scalars[index]
            if scalar == "<" {
                index = skipMarkup(scalars, from: index, output: &output)
            } else if scalar == "&", let (decoded, next) = characterReference(scalars, from: index) {
                output.append(decoded)
                index = next
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(String.UnicodeScalarView(output))
    }

    /// Skips a tag, comment or hidden element that starts at `start` and returns where text goes on.
    private static func skipMarkup(_ scalars: [Unicode.Scalar], from start: Int, output: inout [Unicode.Scalar]) -> Int {
        if starts(scalars, at: start, with: "<!--") {
            return end(of: "-->", in: scalars, from: start + 4)
        }

        let tagEnd = end(of: ">", in: scalars, from: start + 1)
        let name = tagName(scalars, from: start + 1)
        if blockElements.contains(name) {
            output.append(" ")
        }
        if hiddenElements.contains(name), scalars[start + 1] != "/" {
            let closingTag = end(of: "</\(name)", in: scalars, from: tagEnd)
            return end(of: ">", in: scalars, from: closingTag)
        }
        return tagEnd
    }

    /// Returns the lower-cased name of the tag whose text starts at `start`, without a leading `/`.
    private static func tagName(_ scalars: [Unicode.Scalar], from start: Int) -> String {
        var index = start
        if index < scalars.count, scalars[index] == "/" {
            index += 1
        }
        var name = String.UnicodeScalarView()
        while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.append(scalars[index])
            index += 1
        }
        return String(name).lowercased()
    }

    /// Decodes `&name;`, `&#NNN;` or `&#xHH;` at `start`; nil when no known reference starts there.
    private static func characterReference(_ scalars: [Unicode.Scalar], from start: Int) -> (Unicode.Scalar, Int)? {
        let maximumLength = 12
        var index = start + 1
        var body = ""
        while index < scalars.count, index - start <= maximumLength, scalars[index] != ";" {
            body.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";" else { return nil }

        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, index + 1)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, index + 1)
        }
        guard let scalar = namedReferences[body] else { return nil }
        return (scalar, index + 1)
    }

    private static func starts(_ scalars: [Unicode.Scalar], at start: Int, with text: String) -> Bool {
        let pattern = Array(text.unicodeScalars)
        guard start + pattern.count <= scalars.count else { return false }
        return scalars[start..<(start + pattern.count)].elementsEqual(pattern)
    }

    /// Returns the index just past the first `terminator` at or after `start` (matched ignoring ASCII
    /// case), or the end of the text.
    private static func end(of terminator: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let pattern = terminator.lowercased().unicodeScalars.map { $0 }
        guard let first = pattern.first else { return start }

        var index = start
        while index + pattern.count <= scalars.count {
            if lowercased(scalars[index]) == first,
                zip(scalars[index..<(index + pattern.count)], pattern).allSatisfy({ lowercased($0) == $1 })
            {
                return index + pattern.count
            }
            index += 1
        }
        return scalars.count
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
