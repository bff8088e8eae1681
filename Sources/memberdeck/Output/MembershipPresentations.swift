import MembershipKit

/// How Atmosphere and Bonita memberships appear in command output (API field names).
enum MembershipPresentations {
    static func atmosphere(_ memberships: [AtmosphereMembership], single: Bool = false) -> Listing {
        Listing(columns: [
            Column(key: "id", heading: "ID"), Column(key: "image_version", heading: "Version ID"), Column(key: "version", heading: "Version"),
            Column(key: "group_uuid", heading: "Group UUID"), Column(key: "group", heading: "Group"),
        ], records: memberships.map { membership in
            Record([
                ("id", .int(Int64(membership.id))), ("image_version", .string(membership.imageVersion.id)),
                ("version", FieldValue(membership.imageVersion.name)), ("group_id", .int(Int64(membership.group.id))),
                ("group_uuid", FieldValue(membership.group.uuid)), ("group", FieldValue(membership.group.name)),
            ])
        }, single: single)
    }

    static func bonita(_ memberships: [BonitaMembership], single: Bool = false) -> Listing {
        Listing(columns: [
            Column(key: "user", heading: "User"), Column(key: "group", heading: "Group"), Column(key: "role", heading: "Role"),
            Column(key: "assigned_date", heading: "Assigned"), Column(key: "assigned_by", heading: "Assigned By"),
        ], records: memberships.map { membership in
            Record([
                ("user_id", .int(Int64(membership.userID))), ("user", FieldValue(membership.userName ?? String(membership.userID))),
                ("group_id", .int(Int64(membership.groupID))), ("group", FieldValue(membership.groupPath ?? membership.groupName ?? String(membership.groupID))),
                ("role_id", .int(Int64(membership.roleID))), ("role", FieldValue(membership.roleName ?? String(membership.roleID))),
                ("assigned_date", FieldValue(membership.assignedDate)),
                ("assigned_by", FieldValue(membership.assignedByUserName ?? membership.assignedByUserID.map(String.init))),
            ])
        }, single: single)
    }

    static func removed(_ fields: [(key: String, value: FieldValue)]) -> Listing {
        let record = Record(fields + [("result", .string("removed"))])
        return Listing(columns: record.fields.map { Column(key: $0.key, heading: $0.key) }, records: [record], single: true)
    }

    /// Names for every id a membership carries.
    static let bonitaDeploy: Set<BonitaMembershipDeploy> = [.user, .group, .role, .assignedBy]

    /// Bonita's six orders, by name, checked before any request.
    static func bonitaOrder(_ text: String) throws -> BonitaMembershipOrder {
        let order = BonitaMembershipOrder(rawValue: text.uppercased())
        guard BonitaMembershipOrder.allCases.contains(order) else {
            throw CommandLineMistake("unknown order '\(text)' (orders: \(BonitaMembershipOrder.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return order
    }

    /// USER GROUP ROLE by id or unique name, resolved at once.
    static func bonitaTriple(_ client: BonitaClient, _ references: [String]) async throws -> (Int, Int, Int) {
        async let user = client.findUser(references[0])
        async let group = client.findGroup(references[1])
        async let role = client.findRole(references[2])
        return try await (user.id, group.id, role.id)
    }
}
