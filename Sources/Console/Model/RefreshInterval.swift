import Foundation
import SettingRules

/// The auto-refresh interval as `--refresh`, `:refresh` and config.yaml's `refresh` take it: the
/// numbers `NumericSetting.refreshInterval` allows (1 s to a day), or `off`. One reading for all
/// three, so `nan`, `inf` or `1e308` is refused everywhere alike.
public enum RefreshInterval {
    /// Seconds between refreshes when neither the command line nor config.yaml says (the console's
    /// refresh, and how often `memberdeck watch` looks).
    public static let defaultSeconds: Double = 10

    /// nil: not a valid interval; `.some(nil)`: off; `.some(seconds)`.
    public static func parse(_ text: String) -> Double?? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "off" || trimmed == "false" { return .some(nil) }
        do throws(NumericSetting.Refusal) {
            return .some(try NumericSetting.refreshInterval.value(trimmed))
        } catch {
            return nil
        }
    }

    /// What a wrong value is told, after the name of the setting.
    public static let expectation = "takes \(NumericSetting.refreshInterval.expectation), or off"
}
