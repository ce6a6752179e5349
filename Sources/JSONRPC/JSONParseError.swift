/// The reason a text is not valid JSON, and the byte offset (counting from 0) where the parser found it.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The input ended where `expected` should have come.
        case unexpectedEnd(expected: String)
        /// A byte that cannot start or continue what `expected` names.
        case unexpectedByte(UInt8, expected: String)
        /// A comma right before the closing bracket or brace.
        case trailingComma
        /// A number such as `01` or `-00.5`.
        case leadingZero
        /// A number that lacks a digit, as in `1.`, `-` or `2e+`.
        case missingDigit(after: String)
        /// A byte below 0x20 inside a string, which JSON requires to be escaped.
        case controlCharacterInString(UInt8)
        /// A backslash followed by something other than `"\/bfnrtu`.
        case invalidEscape(UInt8)
        /// A `\u` escape without four hexadecimal digits.
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair.
        case loneSurrogate(UInt16)
        /// Bytes inside a string that are not well-formed UTF-8.
        case invalidUTF8
        /// Arrays and objects nested more than `limit` levels deep.
        case nestingTooDeep(limit: Int)
        /// An object with two members of the same name.
        case duplicateMemberName(String)
        /// The UTF-8 byte order mark, which RFC 8259 forbids in JSON texts sent over a network.
        case byteOrderMark
        /// Bytes other than whitespace after the complete value.
        case trailingData
    }

    public let reason: Reason
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        "invalid JSON at byte \(offset): \(reason)"
    }
}

extension JSONParseError.Reason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unexpectedEnd(let expected):
            "unexpected end of input, expected \(expected)"
        case .unexpectedByte(let byte, let expected):
            "expected \(expected), found \(Self.describe(byte))"
        case .trailingComma:
            "trailing comma before the closing bracket"
        case .leadingZero:
            "number with a leading zero"
        case .missingDigit(let after):
            "number without a digit after \(after)"
        case .controlCharacterInString(let byte):
            "control character \(Self.hex(byte)) in a string; escape it as \\u00\(Self.hexDigits(byte))"
        case .invalidEscape(let byte):
            "invalid escape sequence \\\(Self.describeBare(byte)) in a string"
        case .invalidUnicodeEscape:
            "\\u escape without four hexadecimal digits"
        case .loneSurrogate(let unit):
            "\\u\(String(unit, radix: 16, uppercase: true)) escapes a lone UTF-16 surrogate"
        case .invalidUTF8:
            "invalid UTF-8 in a string"
        case .nestingTooDeep(let limit):
            "arrays and objects nested more than \(limit) levels deep"
        case .duplicateMemberName(let name):
            "duplicate member name \"\(name)\" in an object"
        case .byteOrderMark:
            "byte order mark before the value; send JSON without one"
        case .trailingData:
            "unexpected data after the JSON value"
        }
    }

    /// Describes a byte as `'x'` when it is printable ASCII, else as `byte 0xNN`.
    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte \(hex(byte))"
    }

    private static func describeBare(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F {
            return String(Character(Unicode.Scalar(byte)))
        }
        return "(byte \(hex(byte)))"
    }

    private static func hex(_ byte: UInt8) -> String {
        "0x" + hexDigits(byte)
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
