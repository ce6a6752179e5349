import HRBoxProtocol

extension CalendarDate {
    /// Returns the day `days` days earlier; nil when `days` is negative or that day lies before 0001-01-01.
    func subtracting(days: Int) -> CalendarDate? {
        // The same bound as `adding(days:)`: more days than the years 1 to 9999 span.
        guard (0...4_000_000).contains(days) else { return nil }
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
            day += Self.lastDay(ofMonth: month, year: year)
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Returns the number of days in the month, taken from the days the failable initializer accepts.
    private static func lastDay(ofMonth month: Int, year: Int) -> Int {
        (28...31).last { CalendarDate(year: year, month: month, day: $0) != nil } ?? 28
    }
}
