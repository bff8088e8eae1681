import Console
import MembershipKit

/// The systems whose members are Keystone projects (Glance v2, Rackspace, Glance v1): names for the
/// ids their panes show, names the user gives with `N`, and the projects typed in `+`.
protocol KeystoneProjectNaming: RecordAdapter {
    /// Where project names come from (nil: ids only).
    var names: ProjectDirectory? { get }
}

extension KeystoneProjectNaming {
    /// No ids: every project the sources know (so that `+` completes names before they are shown).
    func projectNames(_ ids: [String]) async -> [String: String] {
        guard let names else { return [:] }
        if ids.isEmpty { return Dictionary(await names.all().map { ($0.id, $0.name) }) { first, _ in first } }
        return await names.names(of: ids).mapValues(\.name)
    }

    func aliasProject(id: String, name: String) async throws {
        guard let names else { throw MembershipError.configuration(.unsupported("this connection keeps no project names")) }
        try await names.alias(id: id, name: name)
    }

    /// The project typed in `+`: an id as it is, or a name some source knows; anything else is
    /// refused before the server is asked (Glance would store any text as a member).
    func projectID(_ typed: String) async throws -> String {
        let reference: ProjectReference
        do throws(ProjectReferenceError) { reference = try ProjectReference.parse(typed) } catch {
            throw MembershipError.invalidInput(error.description)
        }
        if case let .id(id) = reference { return id }
        guard let names else {
            throw MembershipError.invalidInput("'\(typed)' is not a project id, and this connection has no project names to look it up")
        }
        do {
            return try await names.resolve(reference).id
        } catch let error as ProjectNameError {
            throw MembershipError.invalidInput(error.description)
        }
    }
}
