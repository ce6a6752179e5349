import Foundation
import HRBoxProtocol
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesOnlyRealDays() {
        #expect(CalendarDate(parsing: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(parsing: "2000-02-29") != nil)
        #expect(CalendarDate(parsing: "1900-02-29") == nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
        #expect(CalendarDate(parsing: "2024-04-31") == nil)
        #expect(CalendarDate(parsing: "2024-00-10") == nil)
        #expect(CalendarDate(parsing: "0000-01-01") == nil)
        #expect(CalendarDate(parsing: "2024-1-01") == nil)
        #expect(CalendarDate(parsing: "2024-01-01T00:00") == nil)
        #expect(CalendarDate(parsing: "２０２４-01-01") == nil)
    }

    @Test func addingDays() throws {
        let start = try #require(CalendarDate(parsing: "2024-01-31"))

        #expect(start.adding(days: 0)?.description == "2024-01-31")
        #expect(start.adding(days: 29)?.description == "2024-02-29")
        #expect(start.adding(days: 30)?.description == "2024-03-01")
        #expect(start.adding(days: 366)?.description == "2025-01-31")
        #expect(start.adding(days: -1) == nil)
        #expect(CalendarDate(parsing: "9999-12-31")?.adding(days: 1) == nil)
        #expect(CalendarDate(parsing: "0001-01-01")?.adding(days: 3_652_058)?.description == "9999-12-31")
    }

    @Test func dayContainingInstant() throws {
        // 2026-12-31 23:30 UTC is already 2027-01-01 in Berlin and still 2026-12-31 in New York.
        let instant = Date(timeIntervalSince1970: 1_798_759_800)
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))

        #expect(CalendarDate(containing: instant, in: berlin).description == "2027-01-01")
        #expect(CalendarDate(containing: instant, in: newYork).description == "2026-12-31")
    }
}
