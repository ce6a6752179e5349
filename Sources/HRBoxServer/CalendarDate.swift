import Foundation

/// A day of the Gregorian calendar, written `YYYY-MM-DD` on the wire.
struct CalendarDate: CustomStringConvertible, Equatable {
    var year: Int
    var month: Int
    var day: Int

    /// The day `instant` falls on in `timeZone`.
    init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    /// Parses `YYYY-MM-DD`; nil unless the text is exactly that form and names a real day.
    init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }
}
