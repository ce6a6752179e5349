import Foundation

/// Lookup keys of addresses and the reading of an address a user types.
public enum AddressKey {
    /// Returns the lookup key of an addr-spec: the local part lower-cased (Unicode letters too), and the
    /// domain lower-cased and written as IDNA A-labels (Punycode, RFC 3492). So a Unicode domain and
    /// its Punycode form give the same key. Plus-tags are kept.
    ///
    /// Quotes the local part does not need are dropped, because RFC 5322 makes `"x"@example.net` and
    /// `x@example.net` the same address. A local part that needs them becomes one quoted string.
    ///
    /// The domain is also NFKC-normalized, its label separators `。`, `．` and `｡` become dots and a
    /// trailing dot is dropped. NOTE: this approximates the UTS 46 mapping; it does not reject labels
    /// that IDNA 2008 disallows.
    public static func lookupKey(for addrSpec: String) -> String {
        if let key = plainASCIILookupKey(for: addrSpec) {
            return key
        }
        let text = addrSpec.trimmingASCIIWhitespace()
        guard let at = text.lastIndex(of: "@") else { return text.lowercased() }

        let local = canonicalLocalPart(text[..<at]).lowercased()
        let domain = text[text.index(after: at)...]
        return local + "@" + asciiDomain(domain)
    }

    /// Returns the lookup key of an all-ASCII addr-spec without quotes, made on its UTF-8 bytes, or nil.
    /// Nearly every address is one, and it needs no NFKC, Punycode or unquoting.
    private static func plainASCIILookupKey(for addrSpec: String) -> String? {
        let quote = UInt8(ascii: "\"")
        let atSign = UInt8(ascii: "@")
        let dot = UInt8(ascii: ".")
        let bracket = UInt8(ascii: "[")

        var bytes: [UInt8] = []
        bytes.reserveCapacity(addrSpec.utf8.count)
        for byte in addrSpec.utf8 {
            guard byte < 0x80, byte != quote else { return nil }
            bytes.append(ASCII.lowercased(byte))
        }

        guard let first = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isWhitespace($0) })
        else { return "" }
        var key = bytes[first...last]

        // As on the general path, one trailing dot of a domain is dropped, but not of a domain literal.
        if let at = key.lastIndex(of: atSign) {
            let domain = key[(at + 1)...]
            if domain.first != bracket, domain.last == dot {
                key.removeLast()
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Parses one address as a user types it, such as `anna@example.com` or `Anna <anna@example.com>`.
    /// Returns nil when the text contains no valid addr-spec with a domain.
    ///
    /// Encoded words in the name are decoded. Text with more than one address, or a group, gives nil.
    public static func parseSingle(_ text: String) -> MailAddress? {
        var defects = DefectList()
        let list = AddressListParser.parse(text, field: "address", defects: &defects)
        guard list.groups.isEmpty, list.mailboxes.count == 1 else { return nil }
        return list.mailboxes.first
    }

    /// Writes a local part with quotes only where RFC 5322 needs them: as a dot-atom when its text is
    /// one, else as a single quoted string. A local part that does not tokenize as words and dots is
    /// returned as written.
    private static func canonicalLocalPart(_ local: Substring) -> Substring {
        guard local.contains("\"") else { return local }

        let (tokens, unterminated) = HeaderTokenizer.tokenize(String(local), syntax: .address)
        guard !unterminated else { return local }

        var text = ""
        for token in tokens {
            switch token.kind {
            case .atom(let word), .quotedString(let word):
                text += word
            case .special("."):
                text += "."
            default:
                return local
            }
        }

        if isDotAtom(text) {
            return Substring(text)
        }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return Substring("\"" + escaped + "\"")
    }

    /// Tells whether text is an RFC 5322 dot-atom, with the non-ASCII characters RFC 6532 allows.
    private static func isDotAtom(_ text: String) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.unicodeScalars.allSatisfy { !$0.isASCII || ASCII.isAtomText($0) }
        }
    }

    /// Tells whether an addr-spec's domain has a label IDNA 2008 (RFC 5891) rejects: one that starts
    /// or ends with a hyphen, an `xn--` label with nothing after the prefix, or another label with
    /// hyphens in its third and fourth places. A domain literal has no labels.
    ///
    /// NOTE: the Punycode of an `xn--` label is not decoded, so a label that does not decode passes.
    static func hasInvalidDomainLabel(_ addrSpec: String) -> Bool {
        guard let at = addrSpec.lastIndex(of: "@") else { return false }
        let domain = addrSpec[addrSpec.index(after: at)...]
        guard !domain.hasPrefix("[") else { return false }

        return domain.split(separator: ".").contains { label in
            let lowercased = label.lowercased()
            if lowercased.hasPrefix("-") || lowercased.hasSuffix("-") {
                return true
            }
            if lowercased.hasPrefix("xn--") {
                return lowercased.count == 4
            }
            return lowercased.count >= 4 && lowercased.dropFirst(2).hasPrefix("--")
        }
    }

    private static func asciiDomain(_ domain: Substring) -> String {
        if domain.hasPrefix("[") {
            return domain.lowercased()
        }

        // NFKC leaves ASCII unchanged, and skipping it makes keys of long address lists cheap.
        let lowercased = domain.lowercased()
        let normalized = domain.utf8.allSatisfy({ $0 < 0x80 }) ? lowercased : lowercased.precomposedStringWithCompatibilityMapping
        var labels = normalized.split(omittingEmptySubsequences: false, whereSeparator: { "。．｡.".contains($0) })
        if labels.count > 1, labels.last?.isEmpty == true {
            labels.removeLast()
        }

        return labels.map { label in
            guard !label.allSatisfy(\.isASCII) else { return String(label) }
            // A DNS label has at most 63 octets, so a longer one can be no real domain. Leaving it
            // unencoded also bounds the quadratic work of Punycode.
            guard label.unicodeScalars.count <= 63 else { return String(label) }
            guard let encoded = Punycode.encode(String(label)) else { return String(label) }
            return "xn--" + encoded
        }.joined(separator: ".")
    }
}
