/// A span as operators type it: a whole number and a unit (`30d`, `12h`, `90m`, `2w`, `45s`), for
/// `--pending-older-than` and the console's `:sweep pending 30d`.
public enum AgeText {
    static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]

    /// Seconds, or nil for anything else (at most 8 characters, so the number stays small).
    public static func seconds(_ text: String) -> Double? {
        guard let unit = text.last, let scale = units[unit], text.count <= 8, let number = Int(text.dropLast()), number >= 0 else { return nil }
        return Double(number) * scale
    }
}
