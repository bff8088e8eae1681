import Console
import ConsoleRuntime
import MembershipKit
import Sandbox
import Testing

/// The Bonita system against the sandbox's Bonita, connected as the console connects to a `bonita`
/// endpoint. Demo data: ACME; walter.bates (4) has four memberships, helen.kelly (a manager of
/// /acme/hr) and the technical user `install` may change memberships, walter.bates may not.
@Suite("Bonita adapter")
struct BonitaAdapterTests {
    typealias Organisation = BonitaDemoOrganisation

    /// Bonita lists groups and roles by name unless asked otherwise.
    static let groupsByName = Organisation.groups.sorted { $0.name < $1.name }
    static let rolesByName = Organisation.roles.sorted { $0.name < $1.name }

    /// The user row of `userName` from a load of the users pane.
    static func user(_ userName: String, _ adapter: any RecordAdapter) async throws -> RecordRow {
        try #require(try await adapter.load(.images, parent: nil).first { $0.label == userName })
    }

    /// Adds through the two pickers of `+` on `user`: the group by path, then the role by name.
    static func addThroughPickers(_ adapter: any RecordAdapter, user: RecordRow, group: String, role: String) async throws -> OperationOutcome {
        let groups = try await adapter.pickerItems(try user.picker(.share))
        let roles = try await adapter.pickerItems(try #require(groups.first { $0.label == group }?.nextPicker))
        return try await adapter.perform(try #require(roles.first { $0.label == role }?.operation))
    }

    @Test("connect logs in and describes the session for the header")
    func connectDescribesTheSession() async throws {
        try await RuntimeSandbox.with { sandbox in
            let endpoint = sandbox.bonitaEndpoint("helen.kelly")
            let info = try await sandbox.connect(endpoint).info
            #expect(info.cloud == endpoint.name && info.userName == "helen.kelly" && info.projectName == "organisation")
            #expect(info.system == BonitaSystem.model)
        }
    }

    @Test("the users pane lists every user; each opens its memberships and adds one through a picker")
    func usersPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly")).load(.images, parent: nil)
            #expect(Set(rows.map(\.label)) == Set(Organisation.users.map(\.userName)))
            let walter = try #require(rows.first { $0.label == "walter.bates" })
            #expect(walter.key == "user:4")
            #expect(walter.cells == ["walter.bates", "Walter Bates", "Human resources benefits"])
            #expect(walter.opensDetail)
            #expect(try walter.picker(.share).title == "Group for walter.bates")
        }
    }

    @Test("the memberships pane is the detail of a user: group, role, when and by whom, each removable")
    func membershipsPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let rows = try await adapter.detail(of: try await Self.user("walter.bates", adapter))
            #expect(Set(rows.map(\.cells)) == [
                ["/acme/hr", "member", "2024-01-15 09:30:00.000", "(organisation import)"],
                ["/acme/marketing", "director", "2024-03-02 14:05:10.250", "helen.kelly"],
                ["/acme/it/lab", "assistant", "2023-11-20 08:00:00.125", "helen.kelly"],
                ["/acme/sales/latin_america", "manager", "2025-06-30 17:45:59.999", "william.jobs"],
            ])
            let hr = try #require(rows.first { $0.cells[0] == "/acme/hr" })
            #expect(hr.key == "4/2/1")
            #expect(try hr.operation(.remove).description == "remove walter.bates from /acme/hr as member")
        }
    }

    @Test("the overview lists the organisation's groups, then its roles, each in Bonita's order (by name)")
    func overviewPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.bonitaEndpoint("walter.bates")).load(.memberships, parent: nil)
            #expect(rows.map(\.key) == Self.groupsByName.map { "group:\($0.id)" } + Self.rolesByName.map { "role:\($0.id)" })
            #expect(rows.first?.cells == ["Acme", "/acme", "group"])
            #expect(rows.last?.cells == ["Member", "Member of a group", "role"])
        }
    }

    @Test("the group picker lists every group by path (in Bonita's order, by name), each leading to the roles of that group")
    func pickers() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let april = try await Self.user("april.sanchez", adapter)
            let groups = try await adapter.pickerItems(try april.picker(.share))
            #expect(groups.map(\.label) == Self.groupsByName.map(\.path))
            let marketing = try #require(groups.first { $0.label == "/acme/marketing" }?.nextPicker)
            #expect(marketing.title == "Role of april.sanchez in /acme/marketing")
            let roles = try await adapter.pickerItems(marketing)
            #expect(roles.map(\.label) == Self.rolesByName.map(\.name))
            #expect(roles.last?.operation?.description == "add april.sanchez to /acme/marketing as member")
        }
    }

    @Test("adding as the technical user answers the membership row a fresh load shows")
    func addAsTechnicalUser() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("install"))
            let april = try await Self.user("april.sanchez", adapter)
            let outcome = try await Self.addThroughPickers(adapter, user: april, group: "/acme/marketing", role: "member")
            let fresh = try #require(try await adapter.reloaded("2/5/1", parent: april))
            #expect(outcome == .row(fresh))
            #expect(fresh.cells[3] == "(organisation import)")
        }
    }

    @Test("adding as a manager answers the membership row a fresh load shows, assigned by her")
    func addAsManager() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let patrick = try await Self.user("patrick.gardenier", adapter)
            let outcome = try await Self.addThroughPickers(adapter, user: patrick, group: "/acme/hr", role: "assistant")
            let fresh = try #require(try await adapter.reloaded("6/2/4", parent: patrick))
            #expect(fresh.cells[3] == "helen.kelly")
            #expect(outcome == .row(fresh))
        }
    }

    @Test("adding a membership the user has is refused with Bonita's message")
    func addDuplicateRefused() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let walter = try await Self.user("walter.bates", adapter)
            let message = await refusal { _ = try await Self.addThroughPickers(adapter, user: walter, group: "/acme/hr", role: "member") }
            #expect(message.hasPrefix("403 Forbidden: user 4 is already a member of group 2 with role 1"), "\(message)")
        }
    }

    @Test("a user who may not change memberships is refused with Bonita's message, and nothing changes")
    func notAllowedRefused() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("walter.bates"))
            let walter = try await Self.user("walter.bates", adapter)
            let before = try await adapter.detail(of: walter)
            let refusedAdd = await refusal { _ = try await Self.addThroughPickers(adapter, user: walter, group: "/acme/finance", role: "member") }
            #expect(refusedAdd == "403 Forbidden: 'walter.bates' is not allowed to change memberships")
            let hr = try #require(before.first { $0.cells[0] == "/acme/hr" })
            let refusedRemove = await refusal { _ = try await adapter.perform(try hr.operation(.remove)) }
            #expect(refusedRemove == "403 Forbidden: 'walter.bates' is not allowed to change memberships")
            #expect(try await adapter.detail(of: walter) == before)
        }
    }

    @Test("removing answers .removed and the membership is gone; removing it again is refused with Bonita's message")
    func remove() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let walter = try await Self.user("walter.bates", adapter)
            let hr = try #require(try await adapter.detail(of: walter).first { $0.key == "4/2/1" })
            let remove = try hr.operation(.remove)
            #expect(try await adapter.perform(remove) == .removed)
            #expect(try await adapter.reloaded("4/2/1", parent: walter) == nil)
            let message = await refusal { _ = try await adapter.perform(remove) }
            #expect(message == "500 Internal Server Error: Can't get the userMembership with userId = 4, groupId = 2, roleId = 1")
        }
    }
}
