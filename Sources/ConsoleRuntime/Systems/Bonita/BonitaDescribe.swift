import Console
import MembershipKit

/// `i` on a Bonita row: the user, group or role, read again; a membership is described by its
/// user, group and role records.
extension BonitaAdapter {
    func describe(_ row: RecordRow) async throws -> [RecordField] {
        switch row.ref.as(BonitaSystem.Ref.self) {
        case let .user(id, _)?: return RecordFields.of(try await client.user(id: id))
        case let .group(id)?: return RecordFields.of(try await client.group(id: id))
        case let .role(id)?: return RecordFields.of(try await client.role(id: id))
        case let .membership(userID, groupID, roleID)?:
            async let user = client.user(id: userID)
            async let group = client.group(id: groupID)
            async let role = client.role(id: roleID)
            return RecordFields.of(try await user, prefix: "user") + RecordFields.of(try await group, prefix: "group")
                + RecordFields.of(try await role, prefix: "role")
        case .groupsFor?, .rolesFor?, nil: return []
        }
    }
}
