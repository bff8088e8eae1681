/// Seconds (a `Double` from configuration or a server) as the integers that timers take, clamped
/// first: converting an out-of-range or non-finite `Double` to an integer traps, and a crash is no
/// way to report a bad setting. Settings are checked with `NumericSetting` before they get here;
/// this is the last line of defence for every other path.
public enum DurationConversion {
    /// The longest wait any timer gets: a day, as `NumericSetting.timeout` allows.
    public static let maximumSeconds: Double = NumericSetting.timeout.maximum

    /// Clamped to 0…`maximumSeconds`; NaN counts as the maximum.
    public static func clampedSeconds(_ seconds: Double) -> Double {
        guard !seconds.isNaN else { return maximumSeconds }
        return Swift.min(Swift.max(seconds, 0), maximumSeconds)
    }

    public static func milliseconds(_ seconds: Double) -> Int64 { Int64((clampedSeconds(seconds) * 1_000).rounded()) }

    public static func nanoseconds(_ seconds: Double) -> UInt64 { UInt64((clampedSeconds(seconds) * 1_000_000_000).rounded()) }
}
