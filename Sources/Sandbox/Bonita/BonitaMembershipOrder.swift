/// `o` of a membership search: the engine's `UserMembershipCriterion`, looked up with Java's
/// `Enum.valueOf` (exact, case-sensitive spelling; anything else is a 500).
enum BonitaMembershipOrder: String, CaseIterable, Sendable {
    case roleNameAsc = "ROLE_NAME_ASC"
    case roleNameDesc = "ROLE_NAME_DESC"
    case groupNameAsc = "GROUP_NAME_ASC"
    case groupNameDesc = "GROUP_NAME_DESC"
    case assignedDateAsc = "ASSIGNED_DATE_ASC"
    case assignedDateDesc = "ASSIGNED_DATE_DESC"

    /// `APIMembership.defineDefaultSearchOrder`.
    static let `default` = BonitaMembershipOrder.roleNameAsc

    /// Role and group names are the `name`s, not the display names; dates are stored as sortable text.
    var sql: String {
        switch self {
        case .roleNameAsc: "r.name ASC"
        case .roleNameDesc: "r.name DESC"
        case .groupNameAsc: "g.name ASC"
        case .groupNameDesc: "g.name DESC"
        case .assignedDateAsc: "m.assigned_date ASC"
        case .assignedDateDesc: "m.assigned_date DESC"
        }
    }

    /// The order named by `o`; nil or empty means the default.
    static func parse(_ text: String?) throws -> BonitaMembershipOrder {
        guard let text, !text.isEmpty else { return .default }
        guard let order = BonitaMembershipOrder(rawValue: text) else {
            throw BonitaFault.internalError(.wrapping(
                engineClass: "java.lang.IllegalArgumentException",
                engineMessage: "No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.\(text)",
                resource: BonitaMembershipRoutes.resource))
        }
        return order
    }
}
