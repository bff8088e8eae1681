import Foundation
import MembershipKit

/// Server timestamps as the panes show them: `2026-11-22 15:40` (UTC) and ages such as `3d`.
/// Formatting is done by arithmetic rather than with a `DateFormatter`, which is slow to create
/// and not `Sendable`; it runs only for the rows on screen.
enum TimeText {
    /// `2026-11-22 15:40` in UTC, or the sanitised text as sent when it cannot be parsed.
    static func minutes(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        guard let date = Timestamp.parse(text) else { return TerminalSafe.text(text) }
        let seconds = Int(floor(date.timeIntervalSince1970))
        let days = Int(floor(Double(seconds) / 86_400))
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, secondOfDay / 3600, secondOfDay % 3600 / 60)
    }

    /// `40s`, `12m`, `5h`, `3d`: how long ago `text` was, seen from `now`.
    static func age(_ text: String?, now: Date) -> String {
        guard let text, let date = Timestamp.parse(text) else { return "" }
        return age(seconds: now.timeIntervalSince(date))
    }

    static func age(seconds interval: Double) -> String {
        let seconds = max(0, Int(interval))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    /// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
