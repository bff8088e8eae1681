import Foundation
@testable import MembershipKit
import Sandbox
import Testing

@Suite("Bonita client: users, groups and roles")
struct BonitaOrganisationTests {
    @Test("users page by p and c, with the total from Content-Range")
    func userPages() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            var seen: [String] = []
            for page in 0..<4 {
                let result = try await client.users(page: page, count: 5, order: "userName ASC")
                #expect(result.total == 17)
                #expect(result.page == page && result.count == 5)
                #expect(result.items.count == (page < 3 ? 5 : 2))
                #expect(result.hasMore == (page < 3))
                seen += result.items.map(\.userName)
            }
            #expect(seen == BonitaDemoOrganisation.users.map(\.userName).sorted())
            let query = try #require(recorder.requests(to: "/API/identity/user").last.map { URL(string: $0.url)!.query })
            #expect(query == "p=3&c=5&o=userName%20ASC")
        }
    }

    @Test("users: search, filters, and Bonita's default order by last name")
    func userSearch() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let walter = try await client.users(search: "walter")
            #expect(walter.items.map(\.userName) == ["walter.bates"])
            #expect(walter.total == 1 && !walter.hasMore)
            let hr = try await client.users(filters: ["group_id": "2"])
            #expect(hr.total == 3)
            #expect(hr.items.map(\.lastname) == ["Bates", "Kelly", "Sanchez"])
            #expect(try await client.users(search: "nobody-here").items.isEmpty)
        }
    }

    @Test("a user, group and role by id, read from Bonita's all-string items")
    func itemsByID() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let walter = try await client.user(id: 4)
            #expect(walter == BonitaUser(id: 4, userName: "walter.bates", firstname: "Walter", lastname: "Bates", title: "Mr",
                                         jobTitle: "Human resources benefits", managerID: 3, enabled: true, lastConnection: walter.lastConnection))
            #expect(walter.lastConnection != nil)
            #expect(walter.fullName == "Walter Bates")
            #expect(try await client.user(id: 1).managerID == nil)
            #expect(try await client.user(id: 17).enabled == false)
            let lab = try await client.group(id: 14)
            #expect(lab.path == "/acme/it/lab" && lab.parentPath == "/acme/it" && lab.name == "lab")
            #expect(lab.displayName == BonitaDemoOrganisation.group(named: "lab")!.displayName)
            #expect(try await client.group(id: 1).parentPath == "")
            #expect(try await client.role(id: 2) == BonitaRole(id: 2, name: "manager", displayName: "Manager", description: "Manager of a department"))
        }
    }

    @Test("groups and roles list with their totals")
    func groupsAndRoles() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let roles = try await client.roles()
            #expect(roles.total == 4)
            #expect(roles.items.map(\.name) == ["assistant", "director", "manager", "member"])
            let groups = try await client.groups(page: 1, count: 10)
            #expect(groups.total == 14)
            #expect(groups.items.count == 4 && !groups.hasMore)
            let sales = try await client.groups(filters: ["parent_path": "/acme/sales"])
            #expect(Set(sales.items.map(\.path)) == ["/acme/sales/europe", "/acme/sales/asia", "/acme/sales/north_america", "/acme/sales/latin_america"])
        }
    }

    @Test("allUsers, allGroups and allRoles follow every page, with the search and order of one page")
    func everyPage() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            let users = try await client.allUsers(order: "userName ASC", pageSize: 5)
            #expect(users.map(\.userName) == BonitaDemoOrganisation.users.map(\.userName).sorted())
            #expect(recorder.requests(to: "/API/identity/user").count == 4)
            #expect(try await client.allUsers(filters: ["group_id": "2"], pageSize: 2).map(\.lastname) == ["Bates", "Kelly", "Sanchez"])
            #expect(try await client.allGroups(pageSize: 3).count == 14)
            #expect(try await client.allRoles(search: "man", pageSize: 1).map(\.name) == ["manager"])
        }
    }

    @Test("missing items: Bonita's 404 message, or a sentence for the bare 404 of a group")
    func missingItems() async throws {
        try await ClientSandbox.withBonita("install") { client in
            try await requireBonitaFailure(404, "User not found: USER_ID=999 | Can't find the user") { try await client.user(id: 999) }
            try await requireBonitaFailure(404, "no group with id 999") { try await client.group(id: 999) }
            try await requireBonitaFailure(404, "Unable to find role 999: The role with id= 999 does not exist") { try await client.role(id: 999) }
            try await requireBonitaFailure(400, "Id must be non-zero positive for identity on resource user") { try await client.user(id: 0) }
        }
    }

    @Test("a sort on an unknown attribute is Bonita's 500 in words")
    func badUserOrder() async throws {
        try await ClientSandbox.withBonita("install") { client in
            try await requireBonitaFailure(500, "Can't sort on the unknown attribute shoeSize") { try await client.users(order: "shoeSize ASC") }
        }
    }

    @Test("findUser, findGroup and findRole by id or unique name (a group also by path)", arguments: [
        ("user", "helen.kelly", 3), ("user", "3", 3),
        ("group", "hr", 2), ("group", "/acme/sales/latin_america", 10), ("group", "12", 12), ("group", "/acme", 1),
        ("role", "manager", 2), ("role", "4", 4),
        // The display names the console shows count when no name matches.
        ("group", "Human Resources", 2), ("group", "Finance", 3), ("role", "Manager", 2),
    ])
    func find(kind: String, reference: String, id: Int) async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let found = try await Self.find(kind, reference, with: client)
            #expect(found == id)
        }
    }

    @Test("a reference that names nothing is notFound, in one line", arguments: [
        // "walter" is only the start of a user name; 999 is no id and no name.
        ("user", "walter", "no Bonita user with id or user name 'walter'"),
        ("user", "999", "no Bonita user with id or user name '999'"),
        ("group", "/acme/hr/lab", "no Bonita group with id, name, display name or path '/acme/hr/lab'"),
        // A display name is matched whole, as a path is not a display name.
        ("group", "Human", "no Bonita group with id, name, display name or path 'Human'"),
        ("group", "/Human Resources", "no Bonita group with id, name, display name or path '/Human Resources'"),
        ("role", "intern", "no Bonita role with id, name or display name 'intern'"),
    ])
    func findMissing(kind: String, reference: String, message: String) async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            await #expect(throws: MembershipError.notFound(message)) { try await Self.find(kind, reference, with: client) }
        }
    }

    /// The id of what `findUser`, `findGroup` or `findRole` answers.
    static func find(_ kind: String, _ reference: String, with client: BonitaClient) async throws -> Int {
        switch kind {
        case "user": try await client.findUser(reference).id
        case "group": try await client.findGroup(reference).id
        default: try await client.findRole(reference).id
        }
    }

    /// Bonita allows the same group name under two parents, and the demo organisation has none, so the
    /// server here is a stub; users and roles have unique names in Bonita, but a server that answered two
    /// must not be trusted to pick one.
    @Test("a name that matches several items is ambiguous, naming them", arguments: [
        ("group", "hr", #"[{"id":"2","name":"hr","path":"/acme/hr","parent_path":"/acme"},{"id":"20","name":"hr","path":"/globex/hr","parent_path":"/globex"},{"id":"21","name":"hr_assistants","path":"/acme/hr_assistants","parent_path":"/acme"}]"#,
         "2 Bonita groups match 'hr' (/acme/hr, /globex/hr); give the path or the id"),
        ("user", "jan", #"[{"id":"16","userName":"jan"},{"id":"30","userName":"jan"}]"#, "2 Bonita users match 'jan' (id 16, id 30); give the id"),
        ("role", "member", #"[{"id":"1","name":"member"},{"id":"9","name":"member"}]"#, "2 Bonita roles match 'member' (id 1, id 9); give the id"),
    ])
    func ambiguous(kind: String, reference: String, json: String, message: String) async throws {
        let stub = BonitaStubTransport { request in
            request.url.hasSuffix("/loginservice") ? BonitaStubTransport.loggedIn : BonitaStubTransport.page(json, total: 3)
        }
        let client = stub.client()
        await #expect(throws: MembershipError.ambiguous(message)) { try await Self.find(kind, reference, with: client) }
        let search = try #require(stub.requests.last.flatMap { URL(string: $0.url)?.query })
        #expect(search == "p=0&c=100&s=\(reference)")
    }

    @Test("a number that is no item's id is looked up as a name")
    func digitsAsName() async throws {
        let stub = BonitaStubTransport { request in
            if request.url.hasSuffix("/loginservice") { return BonitaStubTransport.loggedIn }
            if request.url.hasSuffix("/group/2024") { return HTTPResponseData(status: 404) }
            return BonitaStubTransport.page(#"[{"id":"7","name":"2024","path":"/acme/2024","parent_path":"/acme"}]"#, total: 1)
        }
        #expect(try await stub.client().findGroup("2024").id == 7)
    }
}
