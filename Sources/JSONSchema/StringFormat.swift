import HRBoxProtocol

/// The values of the `format` keyword that ``SchemaSet`` checks, as JSON Schema 2020-12 and RFC 3339
/// section 5.6 define them.
enum StringFormat: String, CaseIterable {
    /// `full-date`, such as `2026-11-30`, naming a day that exists.
    case date
    /// `date-time`, such as `2026-12-04T09:12:41Z` or `2026-11-26T07:14:12.5+01:00`.
    case dateTime = "date-time"

    func accepts(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch self {
        case .date:
            return bytes.count == 10 && Self.isFullDate(bytes[...])
        case .dateTime:
            return Self.isDateTime(bytes)
        }
    }

    private static func isDateTime(_ bytes: [UInt8]) -> Bool {
        // RFC 3339 allows a lower-case "t" and "z".
        guard bytes.count >= 20, isFullDate(bytes[0..<10]), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            let hour = DecimalDigits.value(of: bytes[11..<13]), hour <= 23, bytes[13] == UInt8(ascii: ":"),
            let minute = DecimalDigits.value(of: bytes[14..<16]), minute <= 59, bytes[16] == UInt8(ascii: ":"),
            let second = DecimalDigits.value(of: bytes[17..<19]), second <= 60
        else {
            return false
        }

        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            let fraction = rest.dropFirst().prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard !fraction.isEmpty else {
                return false
            }
            rest = rest.dropFirst(1 + fraction.count)
        }
        return isOffset(Array(rest))
    }

    private static func isOffset(_ bytes: [UInt8]) -> Bool {
        if bytes == [UInt8(ascii: "Z")] || bytes == [UInt8(ascii: "z")] {
            return true
        }
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            let hours = DecimalDigits.value(of: bytes[1..<3]), hours <= 23, bytes[3] == UInt8(ascii: ":"),
            let minutes = DecimalDigits.value(of: bytes[4..<6]), minutes <= 59
        else {
            return false
        }
        return true
    }

    /// Checks `YYYY-MM-DD` and that the day exists, as ``CalendarDate`` does for hrbox's own dates.
    private static func isFullDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        CalendarDate(parsing: String(decoding: bytes, as: UTF8.self)) != nil
    }
}
