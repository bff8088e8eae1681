import Foundation
@testable import MembershipKit
import Sandbox
import Testing

@Suite("Bonita client: memberships")
struct BonitaMembershipTests {
    /// Walter Bates (4): hr/member (2024-01-15), marketing/director (2024-03-02), lab/assistant (2023-11-20),
    /// latin_america/manager (2025-06-30), as group paths in each order.
    static let walterOrders: [(BonitaMembershipOrder, [String])] = [
        (.roleNameAsc, ["/acme/it/lab", "/acme/marketing", "/acme/sales/latin_america", "/acme/hr"]),
        (.roleNameDesc, ["/acme/hr", "/acme/sales/latin_america", "/acme/marketing", "/acme/it/lab"]),
        (.groupNameAsc, ["/acme/hr", "/acme/it/lab", "/acme/sales/latin_america", "/acme/marketing"]),
        (.groupNameDesc, ["/acme/marketing", "/acme/sales/latin_america", "/acme/it/lab", "/acme/hr"]),
        (.assignedDateAsc, ["/acme/it/lab", "/acme/hr", "/acme/marketing", "/acme/sales/latin_america"]),
        (.assignedDateDesc, ["/acme/sales/latin_america", "/acme/marketing", "/acme/hr", "/acme/it/lab"]),
    ]

    @Test("each of the six orders sorts Walter Bates's four memberships as Bonita does", arguments: walterOrders)
    func orders(order: BonitaMembershipOrder, paths: [String]) async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            let page = try await client.memberships(userID: 4, order: order)
            #expect(page.items.map(\.groupPath) == paths)
            #expect(page.total == 4)
            let query = try #require(recorder.requests(to: "/membership").last.flatMap { URL(string: $0.url)?.query })
            #expect(query == "p=0&c=100&o=\(order.rawValue)&f=user_id%3D4&d=group_id&d=role_id")
        }
    }

    @Test("the default order is ROLE_NAME_ASC, and the raw names map to the cases")
    func orderNames() {
        #expect(BonitaMembershipOrder.default == .roleNameAsc)
        #expect(BonitaMembershipOrder.allCases.map(\.rawValue) == ["ROLE_NAME_ASC", "ROLE_NAME_DESC", "GROUP_NAME_ASC", "GROUP_NAME_DESC", "ASSIGNED_DATE_ASC", "ASSIGNED_DATE_DESC"])
        for order in BonitaMembershipOrder.allCases { #expect(BonitaMembershipOrder(rawValue: order.rawValue) == order) }
        #expect(BonitaMembershipOrder(rawValue: "role_name_asc") == .other("role_name_asc"))
    }

    @Test("deploys turn ids into users, groups and roles; without deploys only ids come back")
    func deploys() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let all = try await client.allMemberships(userID: 4, order: .assignedDateAsc, deploy: Set(BonitaMembershipDeploy.allCases))
            #expect(all.map(\.userName) == Array(repeating: "walter.bates", count: 4))
            #expect(all.map(\.roleName) == ["assistant", "member", "director", "manager"])
            #expect(all.map(\.groupName) == ["lab", "hr", "marketing", "latin_america"])
            // Assigned by helen.kelly (3), the technical user (-1, never deployed), helen.kelly, william.jobs (1).
            #expect(all.map(\.assignedByUserID) == [3, -1, 3, 1])
            #expect(all.map(\.assignedByUserName) == ["helen.kelly", nil, "helen.kelly", "william.jobs"])
            #expect(all[1].assignedDate == "2024-01-15 09:30:00.000")
            #expect(all[0].group?.displayName == BonitaDemoOrganisation.group(named: "lab")!.displayName)
            #expect(all[0].groupID == 14 && all[0].roleID == 4 && all[0].userID == 4)

            let bare = try await client.memberships(userID: 4, order: .assignedDateAsc, deploy: [])
            #expect(bare.items.map(\.groupID) == [14, 2, 5, 10])
            #expect(bare.items.allSatisfy { $0.group == nil && $0.role == nil && $0.user == nil && $0.groupName == nil })
        }
    }

    @Test("memberships page by Content-Range; allMemberships follows the pages to the total")
    func paging() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("walter.bates")
            let first = try await client.memberships(userID: 4, page: 0, count: 3)
            #expect(first.items.count == 3 && first.total == 4 && first.hasMore)
            let second = try await client.memberships(userID: 4, page: 1, count: 3)
            #expect(second.items.count == 1 && !second.hasMore)
            let before = recorder.requests(to: "/membership").count
            let all = try await client.allMemberships(userID: 4, order: .groupNameAsc, pageSize: 1)
            #expect(all.map(\.groupName) == ["hr", "lab", "latin_america", "marketing"])
            #expect(recorder.requests(to: "/membership").count - before == 4)
            #expect(try await client.allMemberships(userID: 16) .count == 1)
            #expect(try await client.memberships(userID: 999).total == 0)
        }
    }

    @Test("add as the technical user: 200, ids sent as strings, the new row read back, assigned by -1")
    func addAsTechnicalUser() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("install")
            let added = try await client.addMembership(userID: 2, groupID: 5, roleID: 1)
            #expect(added.userID == 2 && added.groupID == 5 && added.roleID == 1)
            #expect(added.assignedByUserID == -1)
            #expect(added.assignedDate?.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$"#, options: .regularExpression) != nil)
            let post = try #require(recorder.exchanges.last)
            #expect(post.request.bonitaBodyText == #"{"group_id":"5","role_id":"1","user_id":"2"}"#)
            #expect(post.response.status == 200)
            let listed = try await client.allMemberships(userID: 2)
            #expect(listed.contains { $0.groupPath == "/acme/marketing" && $0.roleName == "member" })
        }
    }

    @Test("add as helen.kelly (a manager of /acme/hr): assigned by her")
    func addAsManager() async throws {
        try await ClientSandbox.withBonita("helen.kelly") { client in
            let added = try await client.addMembership(userID: 6, groupID: 2, roleID: 4)
            #expect(added.assignedByUserID == 3)
            #expect(try await client.allMemberships(userID: 6).count == 2)
        }
    }

    @Test("adding a membership twice is a 403 saying the user is already a member")
    func duplicate() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.bonita("install")
            let failure = try await requireBonitaFailure(403, #"user 4 is already a member of group 2 with role 1 (This membership is already added to user: A userMembership with userId "4", groupId "2" and roleId "1" already exists)"#) {
                try await client.addMembership(userID: 4, groupID: 2, roleID: 1)
            }
            #expect(failure.method == "POST")
            #expect(failure.url == sandbox.urls.bonita + "/API/identity/membership")
        }
    }

    @Test("walter.bates may read but not change memberships: 403, not allowed, and no new login")
    func notAllowed() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let refusal = "'walter.bates' is not allowed to change memberships"
            try await requireBonitaFailure(403, refusal) { try await client.addMembership(userID: 2, groupID: 5, roleID: 1) }
            try await requireBonitaFailure(403, refusal) { try await client.removeMembership(userID: 4, groupID: 2, roleID: 1) }
            #expect(await client.loginCount == 1)
            #expect(try await client.allMemberships(userID: 4).count == 4)
        }
    }

    @Test("remove: 200, then the membership is gone; removing it again is Bonita's 500 in words")
    func remove() async throws {
        try await ClientSandbox.with { sandbox in
            let (client, recorder) = try sandbox.recordedBonita("helen.kelly")
            try await client.removeMembership(userID: 4, groupID: 2, roleID: 1)
            let delete = try #require(recorder.exchanges.last)
            #expect(delete.request.method == "DELETE")
            #expect(delete.request.url == sandbox.urls.bonita + "/API/identity/membership/4/2/1")
            #expect(delete.response.status == 200)
            let left = try await client.allMemberships(userID: 4)
            #expect(left.count == 3)
            #expect(!left.contains { $0.groupID == 2 && $0.roleID == 1 })

            try await requireBonitaFailure(500, "Can't get the userMembership with userId = 4, groupId = 2, roleId = 1") {
                try await client.removeMembership(userID: 4, groupID: 2, roleID: 1)
            }
        }
    }

    @Test("an unknown group or role in an add is Bonita's 500 in words")
    func addUnknown() async throws {
        try await ClientSandbox.withBonita("install") { client in
            try await requireBonitaFailure(500, "No group exists with id: 999") { try await client.addMembership(userID: 2, groupID: 999, roleID: 1) }
            try await requireBonitaFailure(500, "The role with id= 999 does not exist") { try await client.addMembership(userID: 2, groupID: 2, roleID: 999) }
        }
    }

    @Test("an order Bonita does not know is its 500, with its message")
    func badOrder() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            try await requireBonitaFailure(500, "No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.ROLE_NAME") {
                try await client.memberships(userID: 4, order: BonitaMembershipOrder(rawValue: "ROLE_NAME"))
            }
        }
    }

    @Test("a missing or other filter is Bonita's 500, with its message")
    func badFilters() async throws {
        try await ClientSandbox.withBonita("walter.bates") { client in
            let groupFilter = BonitaSearchQuery(page: 0, count: 10, filters: [.init(name: "group_id", value: "2")])
            try await requireBonitaFailure(500, "Error on filter : Cant search on filter other than user_id") {
                try await client.searchPage("membership", groupFilter) as BonitaPage<BonitaMembership>
            }
            try await requireBonitaFailure(500, "Filter user_id is mandatory") {
                try await client.searchPage("membership", BonitaSearchQuery(page: 0, count: 10)) as BonitaPage<BonitaMembership>
            }
        }
    }
}
