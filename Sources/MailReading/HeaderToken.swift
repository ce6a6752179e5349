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

        /// Tells whether a scalar is one of the grammar's specials. A switch, not a set, because
        /// every scalar of every structured field is asked.
        func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "(", ")", "<", ">", "[", "]", ":", ";", "@", "\\", ",", "\"":
                return true
            case ".":
                return self == .address
            case "/", "?", "=":
                return self == .mime
            default:
                return false
            }
        }
    }

    /// Returns the tokens of `text`, and whether a quoted string, comment or domain literal was left open.
    /// It works on UTF-8 bytes, because every separator, special and delimiter is ASCII and no byte of
    /// a non-ASCII scalar is.
    static func tokenize(_ text: String, syntax: Syntax) -> (tokens: [HeaderToken], unterminated: Bool) {
        var reader = Reader(bytes: Array(text.utf8), syntax: syntax)
        var tokens: [HeaderToken] = []
        var afterSpace = false

        while let byte = reader.peek() {
            if isSeparator(byte) {
                reader.advance()
                afterSpace = true
                continue
            }

            let scalar = Unicode.Scalar(byte)
            let kind: HeaderToken.Kind
            switch scalar {
            case "\"":
                kind = .quotedString(reader.readDelimited(closing: UInt8(ascii: "\""), nests: false))
            case "(":
                kind = .comment(reader.readDelimited(closing: UInt8(ascii: ")"), nests: true))
            case "[" where syntax == .address:
                kind = .domainLiteral("[" + reader.readDelimited(closing: UInt8(ascii: "]"), nests: false) + "]")
            case _ where syntax.isSpecial(scalar):
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
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F
    }

    private struct Reader {
        let bytes: [UInt8]
        let syntax: Syntax
        var index = 0
        var unterminated = false

        func peek() -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        mutating func advance() {
            index += 1
        }

        mutating func readAtom() -> String {
            let start = index
            while let byte = peek(), !isSeparator(byte), !syntax.isSpecial(Unicode.Scalar(byte)) {
                advance()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Reads from an opening quote, parenthesis or bracket to its closing one, resolving
        /// backslash escapes. With `nests`, inner parentheses pair up and stay in the text.
        /// An escaped non-ASCII scalar keeps all its bytes, since only the backslash is dropped.
        mutating func readDelimited(closing: UInt8, nests: Bool) -> String {
            let opening = bytes[index]
            advance()
            var text: [UInt8] = []
            var depth = 0

            while let byte = peek() {
                advance()
                if byte == UInt8(ascii: "\\"), let escaped = peek() {
                    text.append(escaped)
                    advance()
                    continue
                }
                if nests, byte == opening {
                    depth += 1
                } else if byte == closing {
                    if depth == 0 {
                        return String(decoding: text, as: UTF8.self)
                    }
                    depth -= 1
                }
                text.append(byte)
            }
            unterminated = true
            return String(decoding: text, as: UTF8.self)
        }
    }
}
