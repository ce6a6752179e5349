import Foundation

/// Lookup keys of addresses and the reading of an address a user types.
public enum AddressKey {
    /// Returns the lookup key of an addr-spec: the local part lower-cased (Unicode letters too), and the
    /// domain lower-cased and written as IDNA A-labels (Punycode, RFC 3492). So a Unicode domain and
    /// its Punycode form give the same key. Plus-tags are kept.
    ///
    /// The domain is also NFKC-normalized, its label separators `。`, `．` and `｡` become dots and a
    /// trailing dot is dropped. NOTE: this approximates the UTS 46 mapping; it does not reject labels
    /// that IDNA 2008 disallows.
    public static func lookupKey(for addrSpec: String) -> String {
        let text = addrSpec.trimmingASCIIWhitespace()
        guard let at = text.lastIndex(of: "@") else { return text.lowercased() }

        let local = text[..<at].lowercased()
        let domain = text[text.index(after: at)...]
        return local + "@" + asciiDomain(domain)
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
