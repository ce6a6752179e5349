import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Shows the store's UTC time stamps in the user's time zone, which `TZ` sets as usual.
enum LocalTime {
    /// Returns an RFC 3339 instant such as `2026-12-04T09:31:10Z` as local time with its offset,
    /// such as `2026-12-04 10:31:10 +01:00`, or nil when the text is no such instant.
    static func text(fromRFC3339 instant: String) -> String? {
        guard let date = ISO8601DateFormatter().date(from: instant) else {
            return nil
        }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else {
            return nil
        }

        let offsetMinutes = Int(parts.tm_gmtoff) / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d %@%02d:%02d",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
            sign, abs(offsetMinutes) / 60, abs(offsetMinutes) % 60
        )
    }
}
