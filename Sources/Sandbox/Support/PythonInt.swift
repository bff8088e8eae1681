/// Python's `int(text)` for the servers written in Python (Glance's `limit`, DRF's `page` and
/// `page_size`): surrounding whitespace, a sign, and `_` between digits are allowed, and there is no
/// overflow, so a number past `Int` saturates (a limit of 10^30 is capped as 1000 would be, not refused).
enum PythonInt {
    static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber, digits.last?.isNumber == true,
              !digits.contains("__") else { return nil }
        var value = 0
        for character in digits where character != "_" {
            guard character.isASCII, let digit = character.wholeNumberValue else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(digit)
            if overflowTimes || overflowSum { return negative ? Int.min : Int.max }
            value = sum
        }
        return negative ? -value : value
    }
}
