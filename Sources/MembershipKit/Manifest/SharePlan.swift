/// What applying a manifest would change, one item per share: `+` a share (or membership) to make,
/// `-` one to remove, `~` one to change (a status, `can_share`, an image's visibility). Each item
/// carries the request that makes it, so `apply` is the plan run, and one plan serves both commands.
public struct SharePlan: Sendable {
    public var target: String
    public var system: ManifestSystem
    public var changes: [PlannedChange]
    /// What the manifest asks and the plan cannot do, and why (no credentials to accept with).
    public var notes: [String]

    public init(target: String, system: ManifestSystem, changes: [PlannedChange] = [], notes: [String] = []) {
        self.target = target
        self.system = system
        self.changes = changes
        self.notes = notes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// `Plan: 2 to share, 1 to remove, 1 to change.` or `No changes: … matches the manifest.`
    public var summary: String {
        guard !changes.isEmpty else { return "No changes: \(target) matches the manifest." }
        let shares = changes.filter { $0.action == .add }.count
        let removals = changes.filter { $0.action == .remove }.count
        let updates = changes.filter { $0.action == .change }.count
        let verb = system == .bonita ? "add" : "share"
        return "Plan: \(shares) to \(verb), \(removals) to remove, \(updates) to change."
    }

    /// The order `apply` runs them in: visibility first (members need a shared image), removals
    /// next (they free the member quota), then shares and status changes.
    public var phases: [[PlannedChange]] {
        let order: [PlannedChange.Phase] = [.prepare, .remove, .share]
        return order.map { phase in changes.filter { $0.phase == phase } }.filter { !$0.isEmpty }
    }
}

public struct PlannedChange: Sendable {
    public enum Action: String, Sendable {
        case add = "+", remove = "-", change = "~"
    }

    enum Phase: Sendable { case prepare, remove, share }

    public var action: Action
    /// `share`, `remove`, `status`, `can_share`, `visibility`, `add`.
    public var verb: String
    /// The image (version, user) as the output names it, and its id.
    public var subject: String
    public var subjectID: String
    /// The member as the output names it (a name where known), and its id.
    public var member: String
    public var memberID: String
    /// `pending → accepted`, `accept as cloud 'member'`, `not in the manifest (exclusive)`.
    public var detail: String
    /// The manifest line that asks for it.
    public var line: Int
    let phase: Phase
    let operation: @Sendable () async throws -> Void

    init(_ action: Action, verb: String, subject: String, subjectID: String, member: String = "", memberID: String = "", detail: String = "",
         line: Int, phase: Phase? = nil, operation: @escaping @Sendable () async throws -> Void) {
        self.action = action
        self.verb = verb
        self.subject = subject
        self.subjectID = subjectID
        self.member = member
        self.memberID = memberID
        self.detail = detail
        self.line = line
        self.phase = phase ?? (action == .remove ? .remove : .share)
        self.operation = operation
    }

    /// Sends the requests that make this change.
    public func apply() async throws { try await operation() }

    /// `+ share  golden-ubuntu → analytics  (accept as cloud 'member')`, for one line of a plan.
    public var text: String {
        var line = "\(action.rawValue) \(verb) \(subject)"
        if !member.isEmpty { line += " → \(member)" }
        if !detail.isEmpty { line += "  (\(detail))" }
        return line
    }
}

/// Builds the plan of one system from a manifest, and exports its current state as one.
public protocol ManifestPlanner: Sendable {
    var system: ManifestSystem { get }
    func plan(_ document: ManifestDocument) async throws -> SharePlan
    /// The current members of `subjects` (names, ids; for Glance an image name or id), or of
    /// everything the credentials manage when `subjects` is empty.
    func export(_ subjects: [String]) async throws -> [ExportedShare]
}

/// One share entry of an exported manifest.
public struct ExportedShare: Sendable, Equatable {
    public var subject: String
    /// A comment after the subject (its id, when the name stands in the file).
    public var comment: String?
    public var members: [ExportedMember]
    public var accept: Bool?

    public init(subject: String, comment: String? = nil, members: [ExportedMember], accept: Bool? = nil) {
        self.subject = subject
        self.comment = comment
        self.members = members
        self.accept = accept
    }
}

public struct ExportedMember: Sendable, Equatable {
    /// A project (name or id), a group; for Bonita the group.
    public var reference: String
    public var asID: Bool
    public var canShare: Bool?
    public var role: String?
    public var comment: String?

    public init(reference: String, asID: Bool = false, canShare: Bool? = nil, role: String? = nil, comment: String? = nil) {
        self.reference = reference
        self.asID = asID
        self.canShare = canShare
        self.role = role
        self.comment = comment
    }
}
