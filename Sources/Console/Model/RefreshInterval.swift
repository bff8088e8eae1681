import Foundation

/// The auto-refresh interval as `--refresh`, `:refresh` and config.yaml's `refresh` take it: a number
/// of seconds from 1 to a day, or `off`. One reading for all three, so `nan`, `inf` or `1e308` is
/// refused everywhere alike.
public enum RefreshInterval {
    public static let range: ClosedRange<Double> = 1...86_400

    /// nil: not a valid interval; `.some(nil)`: off; `.some(seconds)`.
    public static func parse(_ text: String) -> Double?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" || trimmed == "false" { return .some(nil) }
        guard let seconds = Double(trimmed), seconds.isFinite, range.contains(seconds) else { return nil }
        return .some(seconds)
    }

    /// What a wrong value is told, after the name of the setting.
    public static let expectation = "takes a number of seconds from 1 to 86400, or off"
}
