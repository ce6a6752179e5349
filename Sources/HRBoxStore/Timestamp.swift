import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Formats the store's time stamps.
enum Timestamp {
    /// Formats an instant as RFC 3339 in UTC with whole seconds, such as `2024-03-01T09:30:00Z`.
    /// Fractions of a second are cut off.
    static func rfc3339UTC(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)
        )
    }
}
