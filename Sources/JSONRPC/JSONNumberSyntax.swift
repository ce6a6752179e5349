/// The number grammar of RFC 8259, section 6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum JSONNumberSyntax {
    /// The rule a number literal breaks.
    enum Violation: Equatable {
        case leadingZero
        case missingDigit(after: String)
    }

    /// Scans the longest number that starts at `start`, which the caller has seen to be `-` or a digit.
    ///
    /// - Returns: the offset just past the number, or the violation and the offset where it was found.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int
    ) -> Result<Int, NumberSyntaxFailure> {
        var offset = start
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
            offset += 1
        }

        guard offset < bytes.count, isDigit(bytes[offset]) else {
            return .failure(NumberSyntaxFailure(violation: .missingDigit(after: "'-'"), offset: offset))
        }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) {
                return .failure(NumberSyntaxFailure(violation: .leadingZero, offset: start))
            }
        } else {
            offset = skipDigits(bytes, from: offset)
        }

        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                return .failure(NumberSyntaxFailure(violation: .missingDigit(after: "the decimal point"), offset: offset))
            }
            offset = skipDigits(bytes, from: offset)
        }

        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else {
                return .failure(NumberSyntaxFailure(violation: .missingDigit(after: "the exponent marker"), offset: offset))
            }
            offset = skipDigits(bytes, from: offset)
        }
        return .success(offset)
    }

    /// Tells whether `literal` is exactly one JSON number, with nothing before or after it.
    static func isValid(_ literal: String) -> Bool {
        var literal = literal
        return literal.withUTF8 { bytes in
            guard let first = bytes.first, first == UInt8(ascii: "-") || isDigit(first) else {
                return false
            }
            if case .success(let end) = scan(bytes, from: 0) {
                return end == bytes.count
            }
            return false
        }
    }

    /// Converts an integer literal (no fraction, no exponent) to `T`, or returns nil when the literal is
    /// not one or its value is out of range.
    static func integer<T: FixedWidthInteger>(_ literal: String, as type: T.Type) -> T? {
        var literal = literal
        let isIntegerLiteral = literal.withUTF8 { bytes in
            guard case .success(let end) = scan(bytes, from: 0), end == bytes.count, !bytes.isEmpty else {
                return false
            }
            return !bytes.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        }
        guard isIntegerLiteral else {
            return nil
        }
        return T(literal, radix: 10)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        while offset < bytes.count, isDigit(bytes[offset]) {
            offset += 1
        }
        return offset
    }
}

/// A number literal that breaks the grammar, and the byte offset where it does.
struct NumberSyntaxFailure: Error {
    let violation: JSONNumberSyntax.Violation
    let offset: Int
}
