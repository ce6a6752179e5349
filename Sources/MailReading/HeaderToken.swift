/// A lexical token of a structured header field value (RFC 5322 section 3.2, RFC 2045 section 5.1).
struct HeaderToken: Equatable {
    enum Kind: Equatable {
        /// A run of characters that are neither white space nor specials.
        case atom(String)
        /// The content of a quoted string, quotes removed and backslash escapes resolved.
        case quotedString(String)
        /// The content of a comment, outer parentheses removed; nested comments keep theirs.
        case comment(String)
        /// A domain literal such as `[192.0.2.1]`, brackets included.
        case domainLiteral(String)
        case special(Unicode.Scalar)
    }

    let kind: Kind
    /// Whether white space or a comment comes right before the token.
    let followsSpace: Bool

    func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        kind == .special(scalar)
    }
}

/// Splits a structured field value into tokens.
struct HeaderTokenizer {
    /// The grammar a value is written in, which decides its specials.
    enum Syntax {
        /// RFC 5322 addresses and message ids, where `[` opens a domain literal.
        case address
        /// RFC 2045 Content-Type and Content-Disposition values, with the tspecials.
        case mime

        var specials: Set<Unicode.Scalar> {
            switch self {
            case .address: ["(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", ".", "\""]
            case .mime: ["(", ")", "<", ">", "@", ",", ";", ":", "\\", "\"", "/", "[", "]", "?", "="]
            }
        }
    }

    /// Returns the tokens of `text`, and whether a quoted string, comment or domain literal was left open.
    static func tokenize(_ text: String, syntax: Syntax) -> (tokens: [HeaderToken], unterminated: Bool) {
        let specials = syntax.specials
        var reader = Reader(scalars: Array(text.unicodeScalars), specials: specials)
        var tokens: [HeaderToken] = []
        var afterSpace = false

        while let scalar = reader.peek() {
            if isSeparator(scalar) {
                reader.advance()
                afterSpace = true
                continue
            }

            let kind: HeaderToken.Kind
            switch scalar {
            case "\"":
                kind = .quotedString(reader.readDelimited(closing: "\"", nests: false))
            case "(":
                kind = .comment(reader.readDelimited(closing: ")", nests: true))
            case "[" where syntax == .address:
                kind = .domainLiteral("[" + reader.readDelimited(closing: "]", nests: false) + "]")
            case _ where specials.contains(scalar):
                reader.advance()
                kind = .special(scalar)
            default:
                kind = .atom(reader.readAtom())
            }

            tokens.append(HeaderToken(kind: kind, followsSpace: afterSpace))
            if case .comment = kind {
                afterSpace = true
            } else {
                afterSpace = false
            }
        }
        return (tokens, reader.unterminated)
    }

    /// White space and control characters, which separate tokens and carry no text.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        let specials: Set<Unicode.Scalar>
        var index = 0
        var unterminated = false

        func peek() -> Unicode.Scalar? {
            index < scalars.count ? scalars[index] : nil
        }

        mutating func advance() {
            index += 1
        }

        mutating func readAtom() -> String {
            var text = String.UnicodeScalarView()
            while let scalar = peek(), !isSeparator(scalar), !specials.contains(scalar) {
                text.append(scalar)
                advance()
            }
            return String(text)
        }

        /// Reads from an opening quote, parenthesis or bracket to its closing one, resolving
        /// backslash escapes. With `nests`, inner parentheses pair up and stay in the text.
        mutating func readDelimited(closing: Unicode.Scalar, nests: Bool) -> String {
            let opening = scalars[index]
            advance()
            var text = String.UnicodeScalarView()
            var depth = 0

            while let scalar = peek() {
                advance()
                if scalar == "\\", let escaped = peek() {
                    text.append(escaped)
                    advance()
                    continue
                }
                if nests, scalar == opening {
                    depth += 1
                } else if scalar == closing {
                    if depth == 0 {
                        return String(text)
                    }
                    depth -= 1
                }
                text.append(scalar)
            }
            unterminated = true
            return String(text)
        }
    }
}
