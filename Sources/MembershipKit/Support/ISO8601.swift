import Foundation

/// Parses the timestamps these APIs send: `2026-11-22T15:40:32Z`, `…32.000000Z`, `…32+00:00`,
/// and Bonita's `2026-11-22 15:40:32.123`. Fractions of any length are accepted.
public enum Timestamp {
    public static func parse(_ text: String) -> Date? {
        var value = text.trimmingCharacters(in: .whitespaces)
        guard value.count >= 19 else { return nil }
        value = value.replacingOccurrences(of: " ", with: "T", options: [], range: value.index(value.startIndex, offsetBy: 10)..<value.index(value.startIndex, offsetBy: 11))
        var fraction = 0.0
        var zone = "Z"
        let base = String(value.prefix(19))
        var rest = value.dropFirst(19)
        if rest.hasPrefix(".") {
            let digits = rest.dropFirst().prefix(while: \.isNumber)
            fraction = Double("0." + digits) ?? 0
            rest = rest.dropFirst(1 + digits.count)
        }
        if !rest.isEmpty { zone = String(rest) }
        var components = DateComponents()
        let parts = base.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6 else { return nil }
        components.year = parts[0]; components.month = parts[1]; components.day = parts[2]
        components.hour = parts[3]; components.minute = parts[4]; components.second = parts[5]
        var offsetSeconds = 0
        if zone != "Z" && zone != "z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        guard let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the form Glance uses.
    public static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }
}
