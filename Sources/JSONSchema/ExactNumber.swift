import JSONRPC

/// The exact value of a JSON number literal, for comparisons that must not round.
///
/// JSON Schema compares numbers by value, so `1.0` equals `1`, and `1e400` is larger than any `Double`.
/// The value is kept as `significand × 10^exponent` with no trailing zeros in the significand, which
/// makes equal values have equal representations.
struct ExactNumber: Sendable, Equatable, Comparable {
    private var isNegative: Bool
    /// Decimal digits without leading or trailing zeros; empty for zero.
    private var digits: [UInt8]
    private var exponent: Int

    /// Reads a JSON number literal; returns nil for text that is not one.
    init?(literal: String) {
        var bytes = Array(literal.utf8)[...]
        isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative {
            bytes = bytes.dropFirst()
        }

        let integerPart = bytes.prefix { Self.isDigit($0) }
        bytes = bytes.dropFirst(integerPart.count)
        var fractionPart: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionPart = bytes.prefix { Self.isDigit($0) }
            bytes = bytes.dropFirst(fractionPart.count)
        }
        var writtenExponent = 0
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)) else {
                return nil
            }
            writtenExponent = value
            bytes = []
        }
        guard bytes.isEmpty, !integerPart.isEmpty else {
            return nil
        }

        var significand = Array(integerPart) + Array(fractionPart)
        exponent = writtenExponent - fractionPart.count
        while let last = significand.last, last == UInt8(ascii: "0") {
            significand.removeLast()
            exponent += 1
        }
        significand = Array(significand.drop { $0 == UInt8(ascii: "0") })
        digits = significand
        if digits.isEmpty {
            isNegative = false
            exponent = 0
        }
    }

    init?(_ value: JSONValue) {
        guard case .number(let literal) = value else {
            return nil
        }
        self.init(literal: literal)
    }

    /// True when the value is a whole number, however it is written: `3`, `3.0` and `3e0` are.
    var isInteger: Bool {
        digits.isEmpty || exponent >= 0
    }

    static func < (lhs: ExactNumber, rhs: ExactNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative {
            return lhs.isNegative
        }
        return lhs.isNegative ? magnitude(rhs, isBelow: lhs) : magnitude(lhs, isBelow: rhs)
    }

    private static func magnitude(_ lhs: ExactNumber, isBelow rhs: ExactNumber) -> Bool {
        if lhs.digits.isEmpty || rhs.digits.isEmpty {
            return lhs.digits.isEmpty && !rhs.digits.isEmpty
        }
        // The power of ten of the leading digit orders numbers of different size.
        let lhsScale = lhs.digits.count + lhs.exponent
        let rhsScale = rhs.digits.count + rhs.exponent
        if lhsScale != rhsScale {
            return lhsScale < rhsScale
        }
        let width = max(lhs.digits.count, rhs.digits.count)
        let lhsPadded = lhs.digits + Array(repeating: UInt8(ascii: "0"), count: width - lhs.digits.count)
        let rhsPadded = rhs.digits + Array(repeating: UInt8(ascii: "0"), count: width - rhs.digits.count)
        return lhsPadded.lexicographicallyPrecedes(rhsPadded)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension JSONValue {
    /// Equality as JSON Schema defines it for `enum`, `const` and `uniqueItems`: numbers compare by
    /// value, objects by members regardless of order, arrays element by element.
    func isSchemaEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.number, .number):
            guard let lhs = ExactNumber(self), let rhs = ExactNumber(other) else {
                return self == other
            }
            return lhs == rhs
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isSchemaEqual(to: $1) }
        case (.object(let lhs), .object(let rhs)):
            guard lhs.count == rhs.count else {
                return false
            }
            return lhs.allSatisfy { member in
                rhs[member.key].map { member.value.isSchemaEqual(to: $0) } ?? false
            }
        default:
            return self == other
        }
    }
}
