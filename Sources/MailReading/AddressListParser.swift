/// The mailboxes and groups of one address field.
struct AddressList {
    /// Every mailbox in order, group members included at the place of their group.
    var mailboxes: [MailAddress] = []
    var groups: [(name: String, members: [MailAddress])] = []
}

/// Reads an address list (RFC 5322 section 3.4, with the obsolete forms of section 4.4 and the
/// UTF-8 of RFC 6532).
///
/// Comments never become addresses. An entry without an addr-spec with an @domain (such as `Tester`
/// in an unquoted `Tester, Robin <robin@example.com>`, or `robin at example.com`) is dropped and
/// reported, never returned as an address.
enum AddressListParser {
    typealias Tokens = ArraySlice<HeaderToken>

    /// The maximum number of mailboxes read from one field. No real message comes near it, and without a cap
    /// `hrbox inspect` of a To field with 2 million addresses peaked at 2.1 GB of memory (one measurement
    /// of a debug build). NOTE: the whole field is still tokenized first, which kept that case at about 740 MB.
    static let maximumAddressCount = 10_000

    static func parse(_ value: String, field: String, defects: inout DefectList) -> AddressList {
        let (allTokens, unterminated) = HeaderTokenizer.tokenize(value, syntax: .address)
        if unterminated {
            defects.add(.unterminatedToken, "A quoted string, comment or domain literal is not closed.", field: field)
        }

        var list = AddressList()
        let tokens = allTokens[...]
        var index = tokens.startIndex

        while index < tokens.endIndex {
            if list.mailboxes.count >= maximumAddressCount {
                // Checked between entries, so a group that crosses the limit is read to its end.
                defects.add(
                    .tooManyAddresses,
                    "The field lists more than \(maximumAddressCount) addresses; only the first \(maximumAddressCount) were read.",
                    field: field
                )
                break
            }
            if tokens[index].isSpecial(",") {
                index += 1
                continue
            }
            if tokens[index].isSpecial(";") {
                defects.add(.malformedAddress, "A semicolon outside a group was read as a comma.", field: field)
                index += 1
                continue
            }

            if let colon = groupColon(tokens, from: index) {
                index = parseGroup(tokens, nameEnd: colon, from: index, field: field, into: &list, defects: &defects)
                // A comment after a group's `;` belongs to the group, as CFWS may follow it.
                while index < tokens.endIndex, case .comment = tokens[index].kind {
                    index += 1
                }
            } else {
                let end = entryEnd(tokens, from: index)
                if let mailbox = parseMailbox(tokens[index..<end], field: field, defects: &defects) {
                    list.mailboxes.append(mailbox)
                }
                index = end
            }
        }
        return list
    }

    /// Returns the colon that makes the entry at `start` a group: one before any `<`, `@`, `,` or `;`.
    private static func groupColon(_ tokens: Tokens, from start: Int) -> Int? {
        for index in start..<tokens.endIndex {
            switch tokens[index].kind {
            case .special(":"):
                return index
            case .special("<"), .special("@"), .special(","), .special(";"):
                return nil
            default:
                continue
            }
        }
        return nil
    }

    /// Reads a group from its name to its closing `;` and returns the index after it.
    private static func parseGroup(
        _ tokens: Tokens,
        nameEnd colon: Int,
        from start: Int,
        field: String,
        into list: inout AddressList,
        defects: inout DefectList
    ) -> Int {
        let name = phraseText(tokens[start..<colon], field: field, defects: &defects) ?? ""
        var members: [MailAddress] = []
        var index = colon + 1

        while index < tokens.endIndex, !tokens[index].isSpecial(";") {
            if tokens[index].isSpecial(",") {
                index += 1
                continue
            }
            let end = entryEnd(tokens, from: index)
            if let mailbox = parseMailbox(tokens[index..<end], field: field, defects: &defects) {
                members.append(mailbox)
            }
            index = end
        }

        if index < tokens.endIndex {
            index += 1
        } else {
            defects.add(.unterminatedGroup, "A group has no closing semicolon; it was taken to end with the field.", field: field)
        }

        list.mailboxes.append(contentsOf: members)
        list.groups.append((name, members))
        return index
    }

    /// Returns the index of the `,` (or `;`) that ends the entry at `start`, or the end index.
    ///
    /// Separators inside angle brackets do not count, because an obsolete route such as
    /// `<@a.example,@b.example:x@c.example>` contains commas.
    private static func entryEnd(_ tokens: Tokens, from start: Int) -> Int {
        var insideAngle = false
        for index in start..<tokens.endIndex {
            switch tokens[index].kind {
            case .special("<"):
                insideAngle = true
            case .special(">"):
                insideAngle = false
            case .special(","), .special(";"):
                if !insideAngle { return index }
            default:
                continue
            }
        }
        return tokens.endIndex
    }

    /// Reads one mailbox, `name <addr-spec>` or a bare addr-spec, or returns nil and reports why.
    private static func parseMailbox(_ entry: Tokens, field: String, defects: inout DefectList) -> MailAddress? {
        var comment: String?
        var tokens: [HeaderToken] = []
        for token in entry {
            if case .comment(let text) = token.kind {
                if comment == nil {
                    comment = decodedText(text, field: field, defects: &defects)
                }
            } else {
                tokens.append(token)
            }
        }

        guard !tokens.isEmpty else {
            if !entry.isEmpty {
                defects.add(.addressWithoutDomain, "An entry holds only a comment; it was dropped.", field: field, fragment: comment)
            }
            return nil
        }

        if let open = tokens.firstIndex(where: { $0.isSpecial("<") }) {
            return parseAngleMailbox(tokens[...], open: open, comment: comment, field: field, defects: &defects)
        }
        return parseBareMailbox(tokens[...], comment: comment, field: field, defects: &defects)
    }

    /// Reads `phrase <[route:]addr-spec>`.
    private static func parseAngleMailbox(
        _ tokens: Tokens,
        open: Int,
        comment: String?,
        field: String,
        defects: inout DefectList
    ) -> MailAddress? {
        let close = tokens[open...].firstIndex(where: { $0.isSpecial(">") })
        if close == nil {
            defects.add(.malformedAddress, "An angle bracket is not closed.", field: field, fragment: rawText(tokens))
        } else if let close, close + 1 < tokens.endIndex {
            defects.add(.malformedAddress, "Text after an address in angle brackets was ignored.", field: field, fragment: rawText(tokens[(close + 1)...]))
        }

        var inner = tokens[(open + 1)..<(close ?? tokens.endIndex)]
        if inner.first?.isSpecial("@") == true, let routeEnd = inner.firstIndex(where: { $0.isSpecial(":") }) {
            inner = inner[(routeEnd + 1)...]
        }
        guard !inner.isEmpty else {
            defects.add(.emptyAddress, "An entry is the empty address <>; it was dropped.", field: field, fragment: rawText(tokens))
            return nil
        }

        guard let addrSpec = readAddrSpec(inner) else {
            defects.add(.addressWithoutDomain, "An entry has no address with an @domain; it was dropped.", field: field, fragment: rawText(tokens))
            return nil
        }
        // Text after the addr-spec, as in `<c@exa mple.org>`, may be part of the domain, so the
        // address read would not be the one the sender wrote.
        guard addrSpec.after.isEmpty else {
            defects.add(.malformedAddress, "Text follows an address in angle brackets; the entry was dropped.", field: field, fragment: rawText(tokens))
            return nil
        }
        if !addrSpec.before.isEmpty {
            defects.add(.malformedAddress, "Text before an address in angle brackets was ignored.", field: field, fragment: rawText(inner))
        }

        let phrase = tokens[..<open]
        if phrase.contains(where: { token in
            if case .special(let scalar) = token.kind { scalar != "." } else { false }
        }) {
            defects.add(.malformedAddress, "A display name holds unquoted special characters.", field: field, fragment: rawText(phrase))
        }
        let name = phraseText(phrase, field: field, defects: &defects)
        reportInvalidDomainLabel(addrSpec.text, field: field, defects: &defects)
        return MailAddress(name: name, address: addrSpec.text, comment: comment)
    }

    /// Reads an addr-spec without angle brackets; words before it (a missing `<`) become the name.
    private static func parseBareMailbox(
        _ tokens: Tokens,
        comment: String?,
        field: String,
        defects: inout DefectList
    ) -> MailAddress? {
        guard let addrSpec = readAddrSpec(tokens) else {
            defects.add(.addressWithoutDomain, "An entry has no address with an @domain; it was dropped.", field: field, fragment: rawText(tokens))
            return nil
        }
        // Text after the addr-spec, as in `c@exa mple.org`, may be part of the domain, so the address
        // read would not be the one the sender wrote.
        guard addrSpec.after.isEmpty else {
            defects.add(.malformedAddress, "Text follows an address; the entry was dropped.", field: field, fragment: rawText(tokens))
            return nil
        }

        var name: String?
        if !addrSpec.before.isEmpty {
            defects.add(.malformedAddress, "A display name stands before an address without angle brackets.", field: field, fragment: rawText(tokens))
            name = phraseText(addrSpec.before, field: field, defects: &defects)
        }
        reportInvalidDomainLabel(addrSpec.text, field: field, defects: &defects)
        return MailAddress(name: name, address: addrSpec.text, comment: comment)
    }

    /// Reports a domain that IDNA 2008 does not allow. The address is still read, because its lookup
    /// key can still match a person registered with the same text.
    private static func reportInvalidDomainLabel(_ addrSpec: String, field: String, defects: inout DefectList) {
        if AddressKey.hasInvalidDomainLabel(addrSpec) {
            defects.add(.malformedAddress, "The domain has a label that IDNA 2008 does not allow.", field: field, fragment: addrSpec)
        }
    }

    /// Finds `local-part @ domain` in the tokens: the words and dots right before the first `@` and
    /// right after it.
    ///
    /// - Returns: nil when there is no `@`, no local part or no domain; otherwise the addr-spec text
    ///   and the tokens before and after it.
    private static func readAddrSpec(_ tokens: Tokens) -> (text: String, before: Tokens, after: Tokens)? {
        guard let at = tokens.firstIndex(where: { $0.isSpecial("@") }) else { return nil }

        var localStart = at
        while localStart > tokens.startIndex, isDotAtomPart(tokens[localStart - 1]) {
            if isWord(tokens[localStart - 1]), localStart < at, isWord(tokens[localStart]) {
                break
            }
            localStart -= 1
        }

        var domainEnd = at + 1
        while domainEnd < tokens.endIndex, isDotAtomPart(tokens[domainEnd]) {
            if isWord(tokens[domainEnd]), domainEnd > at + 1, isWord(tokens[domainEnd - 1]) {
                break
            }
            domainEnd += 1
        }

        let local = tokens[localStart..<at].map(addrSpecText).joined()
        let domain = tokens[(at + 1)..<domainEnd].map(addrSpecText).joined()
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        return (local + "@" + domain, tokens[..<localStart], tokens[domainEnd...])
    }

    private static func isWord(_ token: HeaderToken) -> Bool {
        switch token.kind {
        case .atom, .quotedString, .domainLiteral: true
        default: false
        }
    }

    private static func isDotAtomPart(_ token: HeaderToken) -> Bool {
        isWord(token) || token.isSpecial(".")
    }

    /// Returns the token's text in an addr-spec, where a quoted local part keeps its quotes.
    private static func addrSpecText(_ token: HeaderToken) -> String {
        switch token.kind {
        case .atom(let text), .domainLiteral(let text):
            return text
        case .quotedString(let text):
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"" + escaped + "\""
        case .special(let scalar):
            return String(scalar)
        case .comment:
            return ""
        }
    }

    /// Returns the text of a phrase (a display name or group name) with encoded words decoded, or nil
    /// when it is empty.
    private static func phraseText(_ tokens: Tokens, field: String, defects: inout DefectList) -> String? {
        decodedText(rawText(tokens), field: field, defects: &defects)
    }

    private static func decodedText(_ text: String, field: String, defects: inout DefectList) -> String? {
        let decoded = EncodedWordDecoder.decode(text, field: field, defects: &defects).trimmingASCIIWhitespace()
        return decoded.isEmpty ? nil : decoded
    }

    /// Returns the tokens as text: quoted strings without quotes, comments left out, and one space
    /// where the input had white space.
    static func rawText(_ tokens: Tokens) -> String {
        var text = ""
        for token in tokens {
            let piece: String
            switch token.kind {
            case .atom(let value), .quotedString(let value), .domainLiteral(let value):
                piece = value
            case .special(let scalar):
                piece = String(scalar)
            case .comment:
                continue
            }
            if token.followsSpace, !text.isEmpty {
                text += " "
            }
            text += piece
        }
        return text
    }
}
