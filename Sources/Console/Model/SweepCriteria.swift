import SettingRules

/// What `:sweep` looks for among the members of my images: rejected shares, shares pending for
/// longer than a span, and (admin) shares whose project no longer exists.
public struct SweepCriteria: Sendable, Equatable {
    public var rejected = false
    public var pendingOlderThan: Double?
    /// The span as typed (`30d`), for the title.
    public var pendingText: String?
    public var orphans = false

    public init(rejected: Bool = false, pendingOlderThan: Double? = nil, pendingText: String? = nil, orphans: Bool = false) {
        self.rejected = rejected
        self.pendingOlderThan = pendingOlderThan
        self.pendingText = pendingText
        self.orphans = orphans
    }

    /// `rejected, pending > 30d, orphans`.
    public var description: String {
        var parts: [String] = []
        if rejected { parts.append("rejected") }
        if let pendingText { parts.append("pending > \(pendingText)") }
        if orphans { parts.append("orphans") }
        return parts.joined(separator: ", ")
    }

    /// `rejected`, `pending 30d`, `orphans`, in any order; nothing means rejected. The error says
    /// what was not understood.
    public static func parse(_ argument: String) -> Result<SweepCriteria, SweepArgumentError> {
        var criteria = SweepCriteria()
        var words = argument.split(separator: " ").map(String.init)[...]
        if words.isEmpty { return .success(SweepCriteria(rejected: true)) }
        while let word = words.popFirst() {
            switch word {
            case "rejected": criteria.rejected = true
            case "orphans": criteria.orphans = true
            case "pending":
                guard let span = words.popFirst(), let seconds = AgeText.seconds(span) else {
                    return .failure(SweepArgumentError(text: "pending takes a span such as 30d, 12h or 2w"))
                }
                criteria.pendingOlderThan = seconds
                criteria.pendingText = span
            default:
                return .failure(SweepArgumentError(text: ":sweep takes rejected, pending SPAN and orphans, not '\(word)'"))
            }
        }
        return .success(criteria)
    }
}

public struct SweepArgumentError: Error, Equatable {
    public let text: String
}
