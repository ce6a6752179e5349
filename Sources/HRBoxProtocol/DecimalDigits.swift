/// Reads the fixed-width numbers of dates and times, such as the `MM` of `YYYY-MM-DD`.
package enum DecimalDigits {
    /// Returns the value of a run of ASCII digits, or nil when any byte is not a digit.
    ///
    /// The callers pass at most four digits, so the value cannot overflow.
    package static func value(of digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else {
                return nil
            }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
