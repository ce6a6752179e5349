/// The reason a ``JSONValue`` could not be written as JSON text.
public enum JSONWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `.number` case whose literal breaks RFC 8259's number grammar.
    case invalidNumberLiteral(String)
    /// Arrays and objects nested more than `limit` levels deep, which a strict reader would reject.
    case nestingTooDeep(limit: Int)

    public var description: String {
        switch self {
        case .invalidNumberLiteral(let literal):
            "cannot write \"\(literal.prefix(40))\" as a JSON number: it is not a valid number literal"
        case .nestingTooDeep(let limit):
            "cannot write arrays and objects nested more than \(limit) levels deep"
        }
    }
}

extension JSONValue {
    /// Writes the value as compact JSON text in UTF-8.
    ///
    /// No byte order mark and no whitespace. Strings escape `"` and `\` with a backslash and control
    /// characters as `\u00XX`, and keep every other character, `/` and non-ASCII included, as it is.
    public func serialized() throws(JSONWriteError) -> [UInt8] {
        var output: [UInt8] = []
        try serialize(appendingTo: &output)
        return output
    }

    /// Appends the value's compact JSON text to `output`, as ``serialized()`` writes it.
    public func serialize(appendingTo output: inout [UInt8]) throws(JSONWriteError) {
        var writer = JSONWriter(output: output)
        output = []
        defer { output = writer.output }
        try writer.write(self, depth: 0)
    }

    /// Writes the value as compact JSON text and returns it as a `String`.
    public func serializedText() throws(JSONWriteError) -> String {
        String(decoding: try serialized(), as: UTF8.self)
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text, or a note in angle brackets when the value cannot be written.
    public var description: String {
        do {
            return try serializedText()
        } catch {
            return "<\(error)>"
        }
    }
}

/// A writer that appends to one byte array; it moves the array in and out so that appends do not copy.
struct JSONWriter {
    var output: [UInt8]

    mutating func write(_ value: JSONValue, depth: Int) throws(JSONWriteError) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let flag):
            appendASCII(flag ? "true" : "false")
        case .number(let literal):
            guard JSONNumberSyntax.isValid(literal) else {
                throw .invalidNumberLiteral(literal)
            }
            output.append(contentsOf: literal.utf8)
        case .string(let text):
            writeString(text)
        case .array(let elements):
            try checkDepth(depth)
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                }
                try write(element, depth: depth + 1)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            try checkDepth(depth)
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 {
                    output.append(UInt8(ascii: ","))
                }
                writeString(member.key)
                output.append(UInt8(ascii: ":"))
                try write(member.value, depth: depth + 1)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONWriteError) {
        guard depth < JSONValue.defaultMaxNestingDepth else {
            throw .nestingTooDeep(limit: JSONValue.defaultMaxNestingDepth)
        }
    }

    mutating func appendASCII(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes a quoted string, copying runs of bytes that need no escape in one go.
    mutating func writeString(_ text: String) {
        var text = text
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                appendEscape(byte)
                runStart = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        output.append(UInt8(ascii: "\\"))
        if byte >= 0x20 {
            output.append(byte)
            return
        }
        output.append(UInt8(ascii: "u"))
        output.append(UInt8(ascii: "0"))
        output.append(UInt8(ascii: "0"))
        output.append(Self.hexDigit(byte >> 4))
        output.append(Self.hexDigit(byte & 0x0F))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
