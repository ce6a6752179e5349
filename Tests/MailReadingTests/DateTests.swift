import Foundation
import MailReading
import Testing

/// The Date field in its RFC 5322 and obsolete forms.
@Suite struct DateTests {
    private func date(_ value: String) -> (date: MailDate?, defects: [MailDefect]) {
        let message = readMessage(["From: a@example.com", "Date: \(value)"])
        return (message.date, message.defects)
    }

    @Test(arguments: [
        ("Mon, 06 Jan 2025 09:15:00 +0100", "2025-01-06T09:15:00+01:00"),
        ("6 Jan 2025 09:15:00 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon, 6 Jan 2025 09:15 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon,6 Jan 2025 09:15:07 -0330", "2025-01-06T09:15:07-03:30"),
        ("Thu, 29 Feb 2024 23:59:59 +0000", "2024-02-29T23:59:59+00:00"),
        ("6 Jan 25 09:00 EST", "2025-01-06T09:00:00-05:00"),
        ("6 Jan 99 09:00 PDT", "1999-01-06T09:00:00-07:00"),
        ("6 Jan 49 09:00 GMT", "2049-01-06T09:00:00+00:00"),
        ("6 Jan 50 09:00 UT", "1950-01-06T09:00:00+00:00"),
        ("6 Jan 125 09:00 +0000", "2025-01-06T09:00:00+00:00"),
        ("Monday, 6 January 2025 09:15:00 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon, 6 Jan 2025 09:15:00 +0100 (CET)", "2025-01-06T09:15:00+01:00"),
        ("(sent) Mon, 6 (day) Jan 2025 09:15:00 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon, 6 Jan 2025 09:15:00 -0000", "2025-01-06T09:15:00+00:00"),
        ("6-Jan-2025 09:15:00 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon Jan  6 09:15:00 2025 +0100", "2025-01-06T09:15:00+01:00"),
        ("Mon, 6 Jan 2025 09:15:00 +01:00", "2025-01-06T09:15:00+01:00"),
    ])
    func readable(_ value: String, _ rfc3339: String) {
        let result = date(value)
        #expect(result.date?.rfc3339 == rfc3339)
        #expect(result.defects.isEmpty)
    }

    @Test func instantAndOffset() throws {
        let parsed = try #require(date("Mon, 06 Jan 2025 09:15:00 +0100").date)
        #expect(parsed.instant == Date(timeIntervalSince1970: 1_736_151_300))
        #expect(parsed.utcOffsetSeconds == 3600)
    }

    @Test func negativeOffsetInstant() throws {
        let parsed = try #require(date("31 Dec 1969 19:00:00 -0500").date)
        #expect(parsed.instant == Date(timeIntervalSince1970: 0))
        #expect(parsed.utcOffsetSeconds == -18_000)
    }

    @Test func unknownZoneNameUsesUTC() {
        let result = date("Mon, 6 Jan 2025 09:15:00 CET")
        #expect(result.date?.rfc3339 == "2025-01-06T09:15:00+00:00")
        #expect(result.defects.kinds == [.unknownTimeZone])
    }

    @Test func militaryZoneUsesUTC() {
        let result = date("Mon, 6 Jan 2025 09:15:00 A")
        #expect(result.date?.rfc3339 == "2025-01-06T09:15:00+00:00")
        #expect(result.defects.kinds == [.unknownTimeZone])
    }

    @Test func missingZoneUsesUTC() {
        let result = date("Mon, 6 Jan 2025 09:15:00")
        #expect(result.date?.rfc3339 == "2025-01-06T09:15:00+00:00")
        #expect(result.defects.kinds == [.unknownTimeZone])
    }

    @Test(arguments: [
        "30 Feb 2025 09:15:00 +0100",
        "29 Feb 2025 09:15:00 +0100",
        "6 Foo 2025 09:15:00 +0100",
        "6 Jan 2025 24:00:00 +0100",
        "6 Jan 2025 09:61:00 +0100",
        "6 Jan 2025",
        "yesterday",
        "2025-01-06T09:15:00Z",
        "",
    ])
    func unreadable(_ value: String) {
        let result = date(value)
        #expect(result.date == nil)
        #expect(result.defects.kinds == [.invalidDate])
    }

    @Test func missingDateReported() {
        let message = readMessage(["From: a@example.com"])
        #expect(message.date == nil)
        #expect(message.defects.kinds == [.missingField])
    }

    @Test func wrongWeekdayReported() {
        let result = date("Tue, 6 Jan 2025 09:15:00 +0100")
        #expect(result.date?.rfc3339 == "2025-01-06T09:15:00+01:00")
        #expect(result.defects.kinds == [.invalidDate])
        #expect(result.defects.first?.message.contains("weekday") == true)
    }

    @Test func rightWeekdayAccepted() {
        #expect(date("Sun, 5 Jan 2025 09:15:00 +0100").defects.isEmpty)
        #expect(date("Thu, 1 Jan 1970 00:00:00 +0000").defects.isEmpty)
        #expect(date("Sat, 1 Jan 2000 00:00:00 +0000").defects.isEmpty)
        #expect(date("Tue, 29 Feb 2028 12:00:00 +0000").defects.isEmpty)
    }
}
