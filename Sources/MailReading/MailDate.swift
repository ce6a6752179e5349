import Foundation

/// The Date of a message: an instant, and the UTC offset the sender wrote it in.
public struct MailDate: Sendable, Hashable {
    public let instant: Date
    /// The sender's offset from UTC in seconds, positive east of Greenwich.
    public let utcOffsetSeconds: Int
    /// The sender's wall-clock time and offset as RFC 3339, like `2025-01-06T09:15:00+01:00`.
    ///
    /// An unknown offset (`-0000`, a military or unknown zone name) is written as `+00:00`.
    public let rfc3339: String

    /// Makes a date from a wall-clock time and offset that are already checked to be valid.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, utcOffsetSeconds: Int) {
        let secondsOfDay = hour * 3600 + minute * 60 + second
        let utcSeconds = Self.daysSince1970(year: year, month: month, day: day) * 86_400 + secondsOfDay - utcOffsetSeconds
        instant = Date(timeIntervalSince1970: TimeInterval(utcSeconds))
        self.utcOffsetSeconds = utcOffsetSeconds

        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        rfc3339 = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
            + "T" + Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":" + Self.padded(second, 2)
            + sign + Self.padded(offsetMinutes / 60, 2) + ":" + Self.padded(offsetMinutes % 60, 2)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar, for years 1...9999.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let previousYears = year - 1
        let daysBeforeYear = previousYears * 365 + previousYears / 4 - previousYears / 100 + previousYears / 400
        var daysBeforeMonth = 0
        for earlierMonth in 1..<month {
            daysBeforeMonth += daysInMonth(earlierMonth, year: year)
        }
        let daysFromYearOneTo1970 = 719_162
        return daysBeforeYear + daysBeforeMonth + day - 1 - daysFromYearOneTo1970
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
