/// Reads the msg-ids of Message-ID, In-Reply-To and References (RFC 5322 section 3.6.4).
enum MessageIDParser {
    /// Returns every `<...>` id in the value in order, with its angle brackets.
    ///
    /// An id in RFC 5322 syntax, obsolete forms included, loses the white space around its words. An id
    /// that is not (such as `<a b@example.com>`) is kept as written and reported. Comments and the words
    /// of the obsolete syntax between ids are skipped. A value of one word without angle brackets is
    /// taken as a bare id, as lenient readers do, and reported.
    static func parse(_ value: String, field: String, defects: inout DefectList) -> [String] {
        var ids: [String] = []
        var insideID = false
        var id = String.UnicodeScalarView()
        var commentDepth = 0

        for scalar in value.unicodeScalars {
            if insideID {
                if scalar == ">" {
                    finish(id, into: &ids, field: field, defects: &defects)
                    insideID = false
                } else {
                    id.append(scalar)
                }
            } else if commentDepth > 0 {
                if scalar == "(" { commentDepth += 1 }
                if scalar == ")" { commentDepth -= 1 }
            } else if scalar == "(" {
                commentDepth = 1
            } else if scalar == "<" {
                insideID = true
                id = String.UnicodeScalarView()
            }
        }

        if insideID {
            defects.add(.invalidMessageID, "A message id has no closing angle bracket; it was ignored.", field: field, fragment: value)
        }
        if ids.isEmpty, !value.unicodeScalars.contains("<") {
            readBareID(value, into: &ids, field: field, defects: &defects)
        }
        return ids
    }

    private static func finish(_ id: String.UnicodeScalarView, into ids: inout [String], field: String, defects: inout DefectList) {
        let written = String(id)
        guard !written.trimmingASCIIWhitespace().isEmpty else {
            defects.add(.invalidMessageID, "A message id is empty; it was ignored.", field: field)
            return
        }

        if let canonical = canonicalID(written) {
            ids.append("<" + canonical + ">")
        } else {
            defects.add(.invalidMessageID, "A message id is not in RFC 5322 syntax; it was kept as written.", field: field, fragment: "<" + written + ">")
            ids.append("<" + written + ">")
        }
    }

    /// Returns the id between the angle brackets without the white space the obsolete syntax allows
    /// around its words, or nil when it is not `local-part "@" domain`.
    private static func canonicalID(_ id: String) -> String? {
        let (tokens, unterminated) = HeaderTokenizer.tokenize(id, syntax: .address)
        guard !unterminated, let at = tokens.firstIndex(where: { $0.isSpecial("@") }) else { return nil }

        let local = tokens[..<at]
        let domain = tokens[(at + 1)...]
        guard isDottedWords(local, allowsQuotes: true) else { return nil }
        let isDomainLiteral: Bool
        if domain.count == 1, case .domainLiteral = domain.first?.kind {
            isDomainLiteral = true
        } else {
            isDomainLiteral = false
        }
        guard isDomainLiteral || isDottedWords(domain, allowsQuotes: false) else { return nil }

        return tokens.map { token in
            switch token.kind {
            case .atom(let text), .domainLiteral(let text):
                return text
            case .quotedString(let text):
                return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            case .special(let scalar):
                return String(scalar)
            case .comment:
                return ""
            }
        }.joined()
    }

    /// Tells whether tokens are words separated by single dots, as in `a.b.c`.
    private static func isDottedWords(_ tokens: ArraySlice<HeaderToken>, allowsQuotes: Bool) -> Bool {
        guard !tokens.isEmpty else { return false }
        for (offset, token) in tokens.enumerated() {
            let isWord: Bool
            switch token.kind {
            case .atom: isWord = true
            case .quotedString: isWord = allowsQuotes
            default: isWord = false
            }
            let expectsWord = offset % 2 == 0
            if expectsWord ? !isWord : !token.isSpecial(".") {
                return false
            }
        }
        return tokens.count % 2 == 1
    }

    private static func readBareID(_ value: String, into ids: inout [String], field: String, defects: inout DefectList) {
        let bare = value.trimmingASCIIWhitespace()
        guard !bare.isEmpty else { return }

        if bare.unicodeScalars.contains(where: ASCII.isWhitespace) || bare.unicodeScalars.contains("(") {
            defects.add(.invalidMessageID, "The field holds no message id.", field: field, fragment: value)
        } else {
            defects.add(.invalidMessageID, "A message id has no angle brackets; they were added.", field: field, fragment: value)
            ids.append("<" + bare + ">")
        }
    }
}
