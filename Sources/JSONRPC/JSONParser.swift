extension JSONValue {
    /// The deepest nesting of arrays and objects that parsing accepts by default.
    public static let defaultMaxNestingDepth = 512

    /// Parses one JSON text under RFC 8259's strict grammar.
    ///
    /// Rejects invalid UTF-8, lone surrogates in `\u` escapes, trailing commas, leading zeros,
    /// unescaped control characters, duplicate member names, a byte order mark and anything after
    /// the value. Time is linear in the input's length. Nesting deeper than `maxNestingDepth`
    /// is an error instead of a stack overflow.
    ///
    /// - Throws: ``JSONParseError`` naming the problem and its byte offset.
    public init(
        parsing bytes: some Collection<UInt8>,
        maxNestingDepth: Int = JSONValue.defaultMaxNestingDepth
    ) throws(JSONParseError) {
        let parse = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> in
            var parser = JSONParser(bytes: buffer, maxNestingDepth: maxNestingDepth)
            return Result { () throws(JSONParseError) in try parser.parseDocument() }
        }
        if let result = bytes.withContiguousStorageIfAvailable(parse) {
            self = try result.get()
        } else {
            self = try Array(bytes).withUnsafeBufferPointer(parse).get()
        }
    }
}

/// A recursive-descent parser over a contiguous buffer; one instance parses one document.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxNestingDepth: Int
    private var offset = 0
    private var depth = 0
    /// Bytes of the string being unescaped, kept between strings to avoid reallocating.
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxNestingDepth: Int) {
        self.bytes = bytes
        self.maxNestingDepth = maxNestingDepth
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONParseError(.byteOrderMark, at: 0)
        }
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else {
            throw JSONParseError(.trailingData, at: offset)
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard offset < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: "a value"), at: offset)
        }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return try parseObject()
        case UInt8(ascii: "["):
            return try parseArray()
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw JSONParseError(.unexpectedByte(bytes[offset], expected: "a value"), at: offset)
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var object = JSONObject()

        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return .object(object)
        }

        while true {
            skipWhitespace()
            guard offset < bytes.count else {
                throw JSONParseError(.unexpectedEnd(expected: "a member name"), at: offset)
            }
            guard bytes[offset] == UInt8(ascii: "\"") else {
                let reason: JSONParseError.Reason =
                    bytes[offset] == UInt8(ascii: "}") && !object.isEmpty
                    ? .trailingComma
                    : .unexpectedByte(bytes[offset], expected: "a member name in double quotes")
                throw JSONParseError(reason, at: offset)
            }
            let nameOffset = offset
            let name = try parseString()

            try expectSeparator(UInt8(ascii: ":"), expected: "':' after a member name")
            let value = try parseValue()
            guard object.appendIfAbsent(key: name, value: value) else {
                throw JSONParseError(.duplicateMemberName(name), at: nameOffset)
            }

            if try consumeCommaOrClose(UInt8(ascii: "}"), expected: "',' or '}' after an object member") {
                depth -= 1
                return .object(object)
            }
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []

        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return .array(elements)
        }

        while true {
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]"), !elements.isEmpty {
                throw JSONParseError(.trailingComma, at: offset)
            }
            elements.append(try parseValue())

            if try consumeCommaOrClose(UInt8(ascii: "]"), expected: "',' or ']' after an array element") {
                depth -= 1
                return .array(elements)
            }
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        guard depth < maxNestingDepth else {
            throw JSONParseError(.nestingTooDeep(limit: maxNestingDepth), at: offset)
        }
        depth += 1
        offset += 1
    }

    /// Consumes a comma or the container's closing byte after a member or element.
    ///
    /// - Returns: true when it consumed the closing byte.
    private mutating func consumeCommaOrClose(_ closing: UInt8, expected: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: expected), at: offset)
        }
        switch bytes[offset] {
        case UInt8(ascii: ","):
            offset += 1
            return false
        case closing:
            offset += 1
            return true
        default:
            throw JSONParseError(.unexpectedByte(bytes[offset], expected: expected), at: offset)
        }
    }

    private mutating func expectSeparator(_ separator: UInt8, expected: String) throws(JSONParseError) {
        skipWhitespace()
        guard offset < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: expected), at: offset)
        }
        guard bytes[offset] == separator else {
            throw JSONParseError(.unexpectedByte(bytes[offset], expected: expected), at: offset)
        }
        offset += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let expected = "'\(literal)'"
        let literalBytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expectedByte in literalBytes {
            guard offset < bytes.count else {
                throw JSONParseError(.unexpectedEnd(expected: expected), at: offset)
            }
            guard bytes[offset] == expectedByte else {
                throw JSONParseError(.unexpectedByte(bytes[offset], expected: expected), at: offset)
            }
            offset += 1
        }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = offset
        switch JSONNumberSyntax.scan(bytes, from: start) {
        case .success(let end):
            offset = end
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        case .failure(let failure):
            let reason: JSONParseError.Reason =
                switch failure.violation {
                case .leadingZero: .leadingZero
                case .missingDigit(let after): .missingDigit(after: after)
                }
            throw JSONParseError(reason, at: failure.offset)
        }
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                offset += 1
            default:
                return
            }
        }
    }

    // MARK: - Strings

    /// Parses a string starting at its opening quote.
    ///
    /// Strings without escapes are copied once, straight from the input; the others go through `scratch`.
    private mutating func parseString() throws(JSONParseError) -> String {
        offset += 1
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(from: start)
            }
            try advanceOverStringByte(byte)
        }
        throw JSONParseError(.unexpectedEnd(expected: "'\"' to close the string"), at: offset)
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<offset]))

        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try appendEscape()
                continue
            }
            let runStart = offset
            try advanceOverStringByte(byte)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
        }
        throw JSONParseError(.unexpectedEnd(expected: "'\"' to close the string"), at: offset)
    }

    /// Moves past one unescaped character of a string: an ASCII byte or a whole UTF-8 sequence.
    private mutating func advanceOverStringByte(_ byte: UInt8) throws(JSONParseError) {
        if byte < 0x20 {
            throw JSONParseError(.controlCharacterInString(byte), at: offset)
        }
        if byte < 0x80 {
            offset += 1
            return
        }
        guard let length = UTF8Validation.sequenceLength(in: bytes, at: offset) else {
            throw JSONParseError(.invalidUTF8, at: offset)
        }
        offset += length
    }

    /// Decodes the escape sequence at `offset` into `scratch`.
    private mutating func appendEscape() throws(JSONParseError) {
        let escapeOffset = offset
        offset += 1
        guard offset < bytes.count else {
            throw JSONParseError(.unexpectedEnd(expected: "an escape sequence"), at: offset)
        }
        let code = bytes[offset]
        offset += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            scratch.append(code)
        case UInt8(ascii: "b"):
            scratch.append(0x08)
        case UInt8(ascii: "f"):
            scratch.append(0x0C)
        case UInt8(ascii: "n"):
            scratch.append(0x0A)
        case UInt8(ascii: "r"):
            scratch.append(0x0D)
        case UInt8(ascii: "t"):
            scratch.append(0x09)
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape(escapeOffset: escapeOffset)
            UTF8Validation.append(scalar, to: &scratch)
        default:
            throw JSONParseError(.invalidEscape(code), at: escapeOffset)
        }
    }

    /// Reads the hex digits of a `\u` escape, and of its low surrogate when the first is a high one.
    private mutating func parseUnicodeEscape(escapeOffset: Int) throws(JSONParseError) -> Unicode.Scalar {
        let first = try readHexQuad(escapeOffset: escapeOffset)
        switch first {
        case 0xD800...0xDBFF:
            let lowOffset = offset
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
            else {
                throw JSONParseError(.loneSurrogate(first), at: escapeOffset)
            }
            offset += 2
            let second = try readHexQuad(escapeOffset: lowOffset)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONParseError(.loneSurrogate(first), at: escapeOffset)
            }
            let value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        case 0xDC00...0xDFFF:
            throw JSONParseError(.loneSurrogate(first), at: escapeOffset)
        default:
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        }
    }

    private mutating func readHexQuad(escapeOffset: Int) throws(JSONParseError) -> UInt16 {
        guard offset + 4 <= bytes.count else {
            throw JSONParseError(.invalidUnicodeEscape, at: escapeOffset)
        }
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(bytes[offset]) else {
                throw JSONParseError(.invalidUnicodeEscape, at: escapeOffset)
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
