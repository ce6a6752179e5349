import Foundation

/// A day of the Gregorian calendar, written `YYYY-MM-DD`, with no time of day and no time zone.
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates the date, or returns nil when no such day exists, such as 2023-02-29 or a year after 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; returns nil for any other form or a day that does not exist.
    public init?(parsing text: String) {
        let characters = Array(text.utf8)
        guard characters.count == 10, characters[4] == UInt8(ascii: "-"), characters[7] == UInt8(ascii: "-"),
            let year = DecimalDigits.value(of: characters[0..<4]),
            let month = DecimalDigits.value(of: characters[5..<7]),
            let day = DecimalDigits.value(of: characters[8..<10])
        else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// Creates the day that `instant` falls on in `timeZone`.
    public init(containing instant: Date, in timeZone: TimeZone = .current) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A Gregorian calendar gives every instant a year, month and day, so the defaults are never used.
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    public var description: String {
        let yearText = String(year)
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: 4 - yearText.count) + yearText + "-" + monthText + "-" + dayText
    }

    /// Returns the day `days` days later; nil when `days` is negative or that day lies after 9999-12-31.
    public func adding(days: Int) -> CalendarDate? {
        // Four million days span more than the years 1 to 9999, and keep the sum below from overflowing.
        guard (0...4_000_000).contains(days) else {
            return nil
        }
        var year = self.year
        var month = self.month
        var day = self.day + days

        // Move whole months forward until the day fits into its month.
        while day > CalendarDate.daysIn(month: month, year: year) {
            day -= CalendarDate.daysIn(month: month, year: year)
            month += 1
            if month > 12 {
                month = 1
                year += 1
                if year > 9999 {
                    return nil
                }
            }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Returns the day `days` days earlier; nil when `days` is negative or that day lies before 0001-01-01.
    public func subtracting(days: Int) -> CalendarDate? {
        // The same bound as adding(days:), for the same reason.
        guard (0...4_000_000).contains(days) else {
            return nil
        }
        var year = self.year
        var month = self.month
        var day = self.day - days

        // Move whole months back until the day falls inside its month.
        while day < 1 {
            month -= 1
            if month < 1 {
                month = 12
                year -= 1
                if year < 1 {
                    return nil
                }
            }
            day += CalendarDate.daysIn(month: month, year: year)
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
