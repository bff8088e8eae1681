import Foundation

/// A user's memberships: search, add, remove. Bonita has no get and no update of a membership.
extension BonitaClient {
    /// One page of the memberships of a user (`f=user_id=N`, the only filter Bonita accepts here).
    /// `deploy` replaces ids by objects, so that `groupName`, `roleName` … are filled; by default the
    /// group and the role.
    public func memberships(userID: Int, page: Int = 0, count: Int = 100, order: BonitaMembershipOrder = .default,
                            deploy: Set<BonitaMembershipDeploy> = BonitaMembershipDeploy.names) async throws -> BonitaPage<BonitaMembership> {
        let query = BonitaSearchQuery(page: page, count: count, search: nil, order: order.rawValue,
                                      filters: [.init(name: "user_id", value: String(userID))],
                                      deploys: BonitaMembershipDeploy.allCases.filter(deploy.contains).map(\.rawValue))
        return try await searchPage("membership", query)
    }

    /// Every membership of a user, following the pages until `Content-Range`'s total is reached.
    public func allMemberships(userID: Int, order: BonitaMembershipOrder = .default,
                               deploy: Set<BonitaMembershipDeploy> = BonitaMembershipDeploy.names,
                               pageSize: Int = 100) async throws -> [BonitaMembership] {
        try await collect("Bonita memberships", pageSize: pageSize) { page, count in
            try await memberships(userID: userID, page: page, count: count, order: order, deploy: deploy)
        }
    }

    /// Gives the user the role in the group (`POST`, ids sent as strings as Bonita writes them; 200 with
    /// the new membership). A membership that exists already is Bonita's 403, reported as such.
    @discardableResult
    public func addMembership(userID: Int, groupID: Int, roleID: Int) async throws -> BonitaMembership {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = try encoder.encode(["user_id": String(userID), "group_id": String(groupID), "role_id": String(roleID)])
        let response = try await send("POST", "API/identity/membership", json: body) { status, error in
            guard status == 403, let error, error.isAlreadyExists else { return nil }
            return "user \(userID) is already a member of group \(groupID) with role \(roleID) (\(error.text))"
        }
        return try decode(response)
    }

    /// Takes the role in the group away from the user (`DELETE …/membership/u/g/r`, 200). Bonita answers a
    /// membership that does not exist with a 500 whose message says so.
    public func removeMembership(userID: Int, groupID: Int, roleID: Int) async throws {
        _ = try await send("DELETE", "API/identity/membership/\(userID)/\(groupID)/\(roleID)")
    }
}
