extension OpenStackSession {
    /// The token's project (images are owned by, and shared with, projects) and whether it is an
    /// admin's. An unscoped token fails with what it was needed for (`purpose`).
    public func projectScope(for purpose: String) async throws -> (project: KeystoneToken.Reference, isAdmin: Bool) {
        let token = try await validToken()
        guard let project = token.project else {
            throw MembershipError.configuration(.missingValue(key: "project", detail: "the credentials of '\(cloud.name)' are not scoped to a project: \(purpose)"))
        }
        return (project, token.isAdmin)
    }
}
