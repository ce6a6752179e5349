/// A Content-Type or Content-Disposition value: the leading token and its parameters
/// (RFC 2045 section 5.1, RFC 2183, RFC 2231).
struct MIMEHeaderValue {
    /// The leading token lower-cased, such as `text/plain` or `attachment`; empty when missing.
    let token: String
    /// Parameter values by lower-cased name, RFC 2231 sections joined and decoded.
    let parameters: [String: String]

    /// One `name=value` as written, before RFC 2231 sections are joined.
    private struct RawParameter {
        let name: String
        let value: String
    }

    /// Reads a value such as `text/plain; charset="utf-8"`.
    ///
    /// Reading is lenient: an unquoted value may contain tspecials and spaces (up to the next `;`),
    /// and encoded words (RFC 2047) inside plain parameter values are decoded as common clients expect.
    init(_ text: String, field: String, defects: inout DefectList) {
        let (tokens, unterminated) = HeaderTokenizer.tokenize(text, syntax: .mime)
        if unterminated {
            defects.add(.unterminatedToken, "A quoted string or comment is not closed.", field: field)
        }

        let meaningful = tokens.filter { if case .comment = $0.kind { false } else { true } }
        let firstSemicolon = meaningful.firstIndex(where: { $0.isSpecial(";") }) ?? meaningful.endIndex
        token = AddressListParser.rawText(meaningful[..<firstSemicolon]).filter { !$0.isWhitespace }.asciiLowercased()

        var rawParameters: [RawParameter] = []
        var index = firstSemicolon
        while index < meaningful.endIndex {
            let end = meaningful[(index + 1)...].firstIndex(where: { $0.isSpecial(";") }) ?? meaningful.endIndex
            if let parameter = Self.readParameter(meaningful[(index + 1)..<end]) {
                rawParameters.append(parameter)
            } else if end > index + 1 {
                defects.add(.invalidParameter, "A parameter has no name=value form; it was ignored.", field: field)
            }
            index = end
        }

        parameters = Self.joinParameters(rawParameters, field: field, defects: &defects)
    }

    private static func readParameter(_ tokens: ArraySlice<HeaderToken>) -> RawParameter? {
        guard let equals = tokens.firstIndex(where: { $0.isSpecial("=") }), equals > tokens.startIndex else { return nil }

        let name = AddressListParser.rawText(tokens[..<equals]).filter { !$0.isWhitespace }.asciiLowercased()
        let value = AddressListParser.rawText(tokens[(equals + 1)...])
        return name.isEmpty ? nil : RawParameter(name: name, value: value)
    }

    /// Joins RFC 2231 sections (`name*0`, `name*1*`, ...) and extended values (`name*`) into one value
    /// per name. Such a value wins over a plain `name` parameter.
    private static func joinParameters(
        _ raw: [RawParameter],
        field: String,
        defects: inout DefectList
    ) -> [String: String] {
        var plain: [String: String] = [:]
        var sections: [String: [Int: (value: String, extended: Bool)]] = [:]

        for parameter in raw {
            let parts = parameter.name.split(separator: "*", omittingEmptySubsequences: false)
            let base = String(parts[0])
            let extended = parameter.name.hasSuffix("*")

            if parts.count == 1 {
                if plain[base] == nil {
                    plain[base] = EncodedWordDecoder.decode(parameter.value, field: field, defects: &defects)
                }
            } else if parts.count == 2, extended {
                sections[base, default: [:]][0] = (parameter.value, true)
            } else if let number = Int(parts[1]), number >= 0, parts.count <= 3 {
                sections[base, default: [:]][number] = (parameter.value, extended)
            } else {
                defects.add(.invalidParameter, "A parameter name is not valid RFC 2231; it was ignored.", field: field)
            }
        }

        var result = plain
        for (base, numbered) in sections {
            result[base] = joinSections(numbered, field: field, defects: &defects)
        }
        return result
    }

    /// Joins the sections from 0 upwards until one is missing, percent-decoding extended sections
    /// and decoding the bytes in the charset the first section names.
    private static func joinSections(
        _ numbered: [Int: (value: String, extended: Bool)],
        field: String,
        defects: inout DefectList
    ) -> String {
        var bytes: [UInt8] = []
        var charset: String?
        var number = 0

        while let section = numbered[number] {
            var value = Substring(section.value)
            if number == 0, section.extended {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = String(pieces[0])
                    value = pieces[2]
                } else {
                    defects.add(.invalidParameter, "An RFC 2231 value has no charset'language' prefix.", field: field)
                }
            }
            if section.extended {
                let decoded = percentDecoded(value)
                if decoded.hadInvalidEscape {
                    defects.add(.invalidParameter, "An RFC 2231 value holds a % without two hex digits; it was kept as written.", field: field, fragment: String(value))
                }
                bytes.append(contentsOf: decoded.bytes)
            } else {
                bytes.append(contentsOf: value.utf8)
            }
            number += 1
        }

        if numbered.count != number {
            defects.add(.invalidParameter, "RFC 2231 parameter sections are missing; the value was cut at the gap.", field: field)
        }
        let text = TextDecoding.decode(bytes[...], label: charset, field: field, defects: &defects)

        // Some clients split an RFC 2047 encoded word across plain sections, so it is decoded as in a
        // plain parameter. A value with an extended section names its charset and is taken as it is.
        let hasExtendedSection = numbered.values.contains { $0.extended }
        return hasExtendedSection ? text : EncodedWordDecoder.decode(text, field: field, defects: &defects)
    }

    /// Decodes `%XX` escapes; a `%` without two hex digits stays as it is and is reported.
    private static func percentDecoded(_ text: Substring) -> (bytes: [UInt8], hadInvalidEscape: Bool) {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var hadInvalidEscape = false
        var index = 0

        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
                let high = ASCII.hexValue(input[index + 1]), let low = ASCII.hexValue(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                if input[index] == UInt8(ascii: "%") {
                    hadInvalidEscape = true
                }
                bytes.append(input[index])
                index += 1
            }
        }
        return (bytes, hadInvalidEscape)
    }
}
