import Foundation

/// Parses the timestamps these APIs send: `2026-11-22T15:40:32Z`, `…32.000000Z`, `…32+00:00`,
/// and Bonita's `2026-11-22 15:40:32.123`. Fractions of any length are accepted.
///
/// Done by arithmetic on the proleptic Gregorian calendar (Howard Hinnant's day algorithms), not
/// with `Calendar` or `DateFormatter`: their first use loads about 3 MB of calendar data, more than
/// 10,000 rows of a pane take, and the console parses a time in every frame.
public enum Timestamp {
    public static func parse(_ text: String) -> Date? {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, first == space || first == tab { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == space || last == tab { bytes = bytes.dropLast() }
        let value = Array(bytes)
        guard value.count >= 19,
              value[4] == UInt8(ascii: "-"), value[7] == UInt8(ascii: "-"),
              [UInt8(ascii: "T"), UInt8(ascii: "t"), space].contains(value[10]),
              value[13] == UInt8(ascii: ":"), value[16] == UInt8(ascii: ":"),
              let year = number(value, 0, 4), let month = number(value, 5, 2), let day = number(value, 8, 2),
              let hour = number(value, 11, 2), let minute = number(value, 14, 2), let second = number(value, 17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        var rest = value[19...]
        var fraction = 0.0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix { isDigit($0) }
            // Only the first 9 digits (nanoseconds) count: a longer fraction changes nothing a Date can hold.
            var scale = 0.1
            for digit in digits.prefix(9) {
                fraction += Double(digit - UInt8(ascii: "0")) * scale
                scale /= 10
            }
            rest = rest.dropFirst(digits.count)
        }
        guard let offset = zoneOffset(rest) else { return nil }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, the form Glance uses.
    public static func format(_ date: Date) -> String {
        let (day, second) = utc(date)
        return day + "T" + clock(second, withSeconds: true) + "Z"
    }

    /// `2026-11-22 15:40` in UTC: a time to the minute, as tables show it.
    public static func minutes(_ date: Date) -> String {
        let (day, second) = utc(date)
        return day + " " + clock(second, withSeconds: false)
    }

    /// `40s`, `12m`, `5h`, `3d`: a span as the panes and tables show an age (whole units, rounded down).
    public static func age(seconds interval: Double) -> String {
        let seconds = interval.isFinite ? max(0, Int(min(interval, 1e15))) : 0
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    // MARK: Arithmetic

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The decimal number of `length` digits at `start`, or nil when one of them is not a digit.
    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var result = 0
        for byte in bytes[start..<start + length] {
            guard isDigit(byte) else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return result
    }

    /// Seconds east of UTC: none for nothing, `Z` or `z`; else `±hh:mm` or `±hhmm`.
    private static func zoneOffset(_ zone: ArraySlice<UInt8>) -> Int? {
        if zone.isEmpty || zone.elementsEqual([UInt8(ascii: "Z")]) || zone.elementsEqual([UInt8(ascii: "z")]) { return 0 }
        guard let sign = zone.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var digits = Array(zone.dropFirst())
        if digits.count == 5, digits[2] == UInt8(ascii: ":") { digits.remove(at: 2) }
        guard digits.count == 4, let hours = number(digits, 0, 2), let minutes = number(digits, 2, 2), hours < 24, minutes < 60 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given date (`days_from_civil`).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month, day of a day count since 1970-01-01 (`civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2026-11-22` and the second of that day, in UTC.
    private static func utc(_ date: Date) -> (day: String, second: Int) {
        // Clamped, so a date no server sends (year 3 million) cannot trap the conversion.
        let interval = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let seconds = Int(min(max(interval, -1e14), 1e14).rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let (year, month, day) = civil(fromDays: days)
        return (padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2), seconds - days * 86_400)
    }

    private static func clock(_ secondOfDay: Int, withSeconds: Bool) -> String {
        let hours = padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay % 3600 / 60, 2)
        return withSeconds ? hours + ":" + padded(secondOfDay % 60, 2) : hours
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
