import HRBoxProtocol
import Testing

@testable import HRBoxTerminal

@Suite("Date entry")
struct DateEntryTests {
    static let today = Fixtures.today

    @Test func absoluteDateEitherDirection() {
        for direction in [DateEntry.Direction.later, .earlier] {
            #expect(DateEntry.parse("2020-01-01", today: Self.today, direction: direction) == .success(CalendarDate(year: 2020, month: 1, day: 1)!))
        }
    }

    @Test func relativeDaysEachWay() {
        #expect(DateEntry.parse("+3", today: Self.today, direction: .later) == .success(CalendarDate(year: 2026, month: 12, day: 4)!))
        #expect(DateEntry.parse("-3", today: Self.today, direction: .earlier) == .success(CalendarDate(year: 2026, month: 11, day: 28)!))
        #expect(DateEntry.parse("-0", today: Self.today, direction: .earlier) == .success(Self.today))
    }

    @Test func wrongSignInvalid() {
        #expect(DateEntry.parse("-3", today: Self.today, direction: .later) == .failure(.invalid))
        #expect(DateEntry.parse("+3", today: Self.today, direction: .earlier) == .failure(.invalid))
    }

    @Test func malformedInvalid() {
        for text in ["", "+", "-", "+ 3", "+3d", "+٣", "2026-13-01", "2026-2-1", "tomorrow", "+-3"] {
            #expect(DateEntry.parse(text, today: Self.today, direction: .later) == .failure(.invalid), "\(text)")
        }
    }

    @Test func rangeEnds() {
        #expect(DateEntry.parse("+3650", today: Self.today, direction: .later) == .success(CalendarDate(year: 2036, month: 11, day: 28)!))
        #expect(DateEntry.parse("-3650", today: Self.today, direction: .earlier) == .success(CalendarDate(year: 2016, month: 12, day: 3)!))
        #expect(DateEntry.parse("+3651", today: Self.today, direction: .later) == .failure(.outOfRange))
        #expect(DateEntry.parse("-3651", today: Self.today, direction: .earlier) == .failure(.outOfRange))
        #expect(DateEntry.parse("-99999999999999999999999", today: Self.today, direction: .earlier) == .failure(.outOfRange))
    }

    @Test func relativeBeyondCalendarOutOfRange() {
        let first = CalendarDate(year: 1, month: 1, day: 5)!
        #expect(DateEntry.parse("-10", today: first, direction: .earlier) == .failure(.outOfRange))
        let last = CalendarDate(year: 9999, month: 12, day: 30)!
        #expect(DateEntry.parse("+2", today: last, direction: .later) == .failure(.outOfRange))
    }

    @Test func subtractingAcrossMonthsAndLeapDays() {
        #expect(CalendarDate(year: 2024, month: 3, day: 1)!.subtracting(days: 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2023, month: 3, day: 1)!.subtracting(days: 1) == CalendarDate(year: 2023, month: 2, day: 28))
        #expect(CalendarDate(year: 2026, month: 1, day: 1)!.subtracting(days: 1) == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(CalendarDate(year: 2026, month: 1, day: 1)!.subtracting(days: 366) == CalendarDate(year: 2024, month: 12, day: 31))
        #expect(CalendarDate(year: 1, month: 1, day: 1)!.subtracting(days: 1) == nil)
        #expect(Self.today.subtracting(days: -1) == nil)
    }

    @Test func subtractingUndoesAdding() throws {
        for days in [0, 1, 27, 28, 29, 59, 365, 366, 1461, 3650, 100_000] {
            let earlier = try #require(Self.today.subtracting(days: days), "\(days)")
            #expect(earlier.adding(days: days) == Self.today, "\(days)")
        }
    }
}
