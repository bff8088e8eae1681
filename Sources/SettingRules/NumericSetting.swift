/// The rule for one kind of number in memberdeck's configuration (timeouts, intervals), shared by
/// every reader so that no setting can carry `1e16`, `inf` or `nan` into code that converts it to
/// an integer. Readers add the file and line to the refusal.
public struct NumericSetting: Sendable, Equatable {
    public var minimum: Double
    /// Whether `minimum` itself is allowed (`refresh: 1` is; `timeout: 0` is not).
    public var minimumIncluded: Bool
    public var maximum: Double
    /// What the number counts, for messages: "seconds".
    public var unit: String

    public init(minimum: Double, minimumIncluded: Bool, maximum: Double, unit: String) {
        self.minimum = minimum
        self.minimumIncluded = minimumIncluded
        self.maximum = maximum
        self.unit = unit
    }

    /// Request and command timeouts: above 0, at most a day.
    public static let timeout = NumericSetting(minimum: 0, minimumIncluded: false, maximum: 86_400, unit: "seconds")
    /// The console's refresh interval: at least a second, at most a day.
    public static let refreshInterval = NumericSetting(minimum: 1, minimumIncluded: true, maximum: 86_400, unit: "seconds")

    /// Why a value was refused, without the file (the reader adds it).
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// What the rule asks for: "a number of seconds above 0 and at most 86400".
        public let expectation: String
        /// The value as written.
        public let given: String
        /// "expected a number of seconds above 0 and at most 86400, got '1e16'"
        public var description: String { "expected \(expectation), got '\(given)'" }
    }

    /// What the rule asks for: "a number of seconds above 0 and at most 86400".
    public var expectation: String {
        let low = minimumIncluded ? "at least \(Self.format(minimum))" : "above \(Self.format(minimum))"
        return "a number of \(unit) \(low) and at most \(Self.format(maximum))"
    }

    /// The value of `text` when it is a finite number inside the range.
    public func value(_ text: String) throws(Refusal) -> Double {
        let trimmed = text.trimmingWhitespace
        guard let number = Double(trimmed), number.isFinite else {
            throw Refusal(expectation: expectation, given: trimmed)
        }
        try check(number, shown: trimmed)
        return number
    }

    /// Checks a number that is already parsed (YAML floats and integers).
    public func value(_ number: Double) throws(Refusal) -> Double {
        try check(number, shown: Self.format(number))
        return number
    }

    private func check(_ number: Double, shown: String) throws(Refusal) {
        let aboveMinimum = minimumIncluded ? number >= minimum : number > minimum
        guard number.isFinite, aboveMinimum, number <= maximum else {
            throw Refusal(expectation: expectation, given: shown)
        }
    }

    /// A number as messages write it: `30`, not `30.0`.
    public static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
