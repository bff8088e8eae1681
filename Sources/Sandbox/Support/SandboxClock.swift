import Foundation

/// Time as the sandbox's protocols write it. One place, so every answer agrees on the format of each system.
public enum SandboxClock {
    /// Glance and Atmosphere: `2026-11-22T15:40:32Z` (whole seconds, UTC).
    public static func iso8601Seconds(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    /// Atmosphere's token expiry (`POST /auth`): `Nov 22, 2026 15:40:32` (strftime `%b %d, %Y %H:%M:%S`, UTC).
    public static func atmosphereExpiry(_ date: Date) -> String {
        format(date, "MMM dd, yyyy HH:mm:ss")
    }

    /// Keystone: `2026-11-22T19:18:31.000000Z` (microseconds, UTC).
    public static func keystone(_ date: Date) -> String {
        format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
    }

    /// Bonita: `2014-12-02 17:57:09.315` (milliseconds, server time; the sandbox uses UTC).
    public static func bonita(_ date: Date) -> String {
        format(date, "yyyy-MM-dd HH:mm:ss.SSS")
    }

    /// Reads back a Glance/Atmosphere timestamp.
    public static func parseISO8601Seconds(_ text: String) -> Date? {
        formatter("yyyy-MM-dd'T'HH:mm:ss'Z'").date(from: text)
    }

    private static func format(_ date: Date, _ pattern: String) -> String {
        formatter(pattern).string(from: date)
    }

    private static func formatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter
    }
}
