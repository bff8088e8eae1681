import Foundation
import MembershipKit

/// Server timestamps as the panes show them: `2026-11-22 15:40` (UTC) and ages such as `3d`.
/// Parsing and formatting are arithmetic (`Timestamp`), not `DateFormatter`: it runs for the
/// rows on screen in every frame.
enum TimeText {
    /// `2026-11-22 15:40` in UTC, or the sanitised text as sent when it cannot be parsed.
    static func minutes(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "" }
        guard let date = Timestamp.parse(text) else { return TerminalSafe.text(text) }
        return Timestamp.minutes(date)
    }

    /// `40s`, `12m`, `5h`, `3d`: how long ago `text` was, seen from `now`.
    static func age(_ text: String?, now: Date) -> String {
        guard let text, let date = Timestamp.parse(text) else { return "" }
        return age(seconds: now.timeIntervalSince(date))
    }

    static func age(seconds interval: Double) -> String { Timestamp.age(seconds: interval) }
}
