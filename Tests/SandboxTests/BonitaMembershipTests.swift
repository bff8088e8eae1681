import Foundation
import Sandbox
import Testing

@Suite("Sandbox Bonita identity/membership")
struct BonitaMembershipTests {
    /// Walter Bates (4): hr/member (2024-01-15), marketing/director (2024-03-02), lab/assistant (2023-11-20),
    /// latin_america/manager (2025-06-30). Listed here by group id.
    static let orders: [(String, [String])] = [
        ("ROLE_NAME_ASC", ["14", "5", "10", "2"]),
        ("ROLE_NAME_DESC", ["2", "10", "5", "14"]),
        ("GROUP_NAME_ASC", ["2", "14", "10", "5"]),
        ("GROUP_NAME_DESC", ["5", "10", "14", "2"]),
        ("ASSIGNED_DATE_ASC", ["14", "2", "5", "10"]),
        ("ASSIGNED_DATE_DESC", ["10", "5", "2", "14"]),
    ]

    @Test("POST creates a membership: 200, Bonita's field order, every value a string, assigned by the technical user -1")
    func create() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = try await session.addMembership(#"{"user_id":"2","group_id":"5","role_id":"1"}"#)
            #expect(response.status == 200)
            #expect(response.body.hasPrefix(#"{"assigned_date":""#))
            let keys = try #require(response.body.range(of: #""role_id":"1","assigned_by_user_id":"-1","group_id":"5","user_id":"2"}"#))
            #expect(keys.upperBound == response.body.endIndex)
            let date = try #require(response.object["assigned_date"] as? String)
            #expect(date.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$"#, options: .regularExpression) != nil)
            let listing = try await session.memberships(of: 2)
            #expect(listing.contentRange == "0-10/2")
            #expect(listing.array.contains { $0["group_id"] as? String == "5" && $0["role_id"] as? String == "1" })
        }
    }

    @Test("ids may also be JSON numbers; a named user is recorded as the assigner")
    func numericIDs() async throws {
        try await SandboxHarness.with { harness in
            let helen = try await BonitaTestSession.login(harness, user: "helen.kelly")
            let response = try await helen.addMembership(#"{"user_id":6,"group_id":2,"role_id":4}"#)
            #expect(response.status == 200)
            #expect(response.object["user_id"] as? String == "6")
            #expect(response.object["role_id"] as? String == "4")
            #expect(response.object["assigned_by_user_id"] as? String == "3")
        }
    }

    @Test("a duplicate is 403 with APIForbiddenException and the AlreadyExistsException cause")
    func duplicate() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = try await session.addMembership(#"{"user_id":"4","group_id":"2","role_id":"1"}"#)
            #expect(response.status == 403)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
            #expect(response.body == #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIForbiddenException","message":"This membership is already added to user","cause":{"exception":"class org.bonitasoft.engine.exception.AlreadyExistsException","message":"USERNAME=install | A userMembership with userId \"4\", groupId \"2\" and roleId \"1\" already exists"},"api":"identity","resource":"membership"}"#)
        }
    }

    @Test("setting assigned_by_user_id or assigned_date is a 500 ForbiddenAttributesException")
    func readOnlyAttributes() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = try await session.addMembership(#"{"user_id":"2","group_id":"5","role_id":"1","assigned_by_user_id":"7"}"#)
            #expect(response.status == 500)
            #expect(response.body == #"{"exception":"class org.bonitasoft.web.rest.server.framework.exception.ForbiddenAttributesException","message":"Manual set of following attributes is forbidden : assigned_by_user_id","api":"identity","resource":"membership","attributesNames":["assigned_by_user_id"]}"#)
            let dated = try await session.addMembership(#"{"user_id":"2","group_id":"5","role_id":"1","assigned_date":"2020-01-01 00:00:00.000"}"#)
            #expect(dated.status == 500)
            #expect(try await session.memberships(of: 2).contentRange == "0-10/1")
        }
    }

    @Test("an unknown user, role or group is a 500 APIException around the engine's CreationException", arguments: [
        (#"{"user_id":"999","group_id":"2","role_id":"1"}"#, "SUserNotFoundException"),
        (#"{"user_id":"2","group_id":"2","role_id":"999"}"#, "SRoleNotFoundException"),
        (#"{"user_id":"2","group_id":"999","role_id":"4"}"#, "SGroupNotFoundException"),
    ])
    func unknownParts(body: String, engineException: String) async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = try await session.addMembership(body)
            #expect(response.status == 500)
            #expect(response.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APIException")
            let cause = try #require(response.object["cause"] as? [String: Any])
            #expect(cause["exception"] as? String == "class org.bonitasoft.engine.exception.CreationException")
            #expect((cause["message"] as? String)?.contains(engineException) == true)
        }
    }

    @Test("search f=user_id pages with p and c, and Content-Range is p-c/total")
    func searchPaging() async throws {
        try await BonitaTestSession.with { session in
            let all = try await session.memberships(of: 4)
            #expect(all.status == 200)
            #expect(all.contentRange == "0-10/4")
            #expect(all.allValuesAreStrings)
            #expect(all.array.allSatisfy { Set($0.keys) == ["assigned_date", "role_id", "assigned_by_user_id", "group_id", "user_id"] })
            let second = try await session.get("membership?p=1&c=3&f=user_id%3d4")
            #expect(second.contentRange == "1-3/4")
            #expect(second.array.compactMap { $0["group_id"] as? String } == ["2"])
            let pair = try await session.get("membership?p=1&c=2&f=user_id%3d4")
            #expect(pair.contentRange == "1-2/4")
            #expect(pair.array.compactMap { $0["group_id"] as? String } == ["10", "2"])
            let nobody = try await session.memberships(of: 9999)
            #expect(nobody.contentRange == "0-10/0")
            #expect(nobody.array.isEmpty)
        }
    }

    @Test("each of the six orders sorts Walter's memberships its own way", arguments: orders)
    func order(name: String, groups: [String]) async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.memberships(of: 4, "&o=\(name)")
            #expect(response.status == 200)
            #expect(response.array.compactMap { $0["group_id"] as? String } == groups)
        }
    }

    @Test("the default order is ROLE_NAME_ASC")
    func defaultOrder() async throws {
        try await BonitaTestSession.with { session in
            let listing = try await session.memberships(of: 4)
            #expect(listing.array.compactMap { $0["group_id"] as? String } == Self.orders[0].1)
        }
    }

    @Test("any other order is a 500", arguments: ["role_name_asc", "ASSIGNED_BY_ASC", "name ASC"])
    func badOrder(order: String) async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.memberships(of: 4, "&o=" + FormCoding.encode(order))
            #expect(response.status == 500)
            #expect(response.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APIException")
            #expect((response.object["message"] as? String)?.contains("No enum constant org.bonitasoft.engine.identity.UserMembershipCriterion.\(order)") == true)
        }
    }

    @Test("without a filter: 500 Filter user_id is mandatory")
    func missingFilter() async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get("membership?p=0&c=10")
            #expect(response.status == 500)
            #expect(response.body == #"{"exception":"class org.bonitasoft.web.rest.server.framework.exception.APIFilterMandatoryException","message":"Filter user_id is mandatory","api":"identity","resource":"membership","filterName":"user_id"}"#)
        }
    }

    @Test("another filter, alone or beside user_id: 500 Cant search on filter other than user_id", arguments: [
        "f=group_id%3d2", "f=user_id%3d4&f=group_id%3d2", "f=role_id%3d1",
    ])
    func otherFilter(filters: String) async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get("membership?p=0&c=10&" + filters)
            #expect(response.status == 500)
            #expect(response.object["exception"] as? String == "class org.bonitasoft.web.rest.server.framework.exception.APIFilterException")
            #expect((response.object["message"] as? String)?.contains("Cant search on filter other than user_id") == true)
            #expect(response.object["resource"] as? String == "membership")
        }
    }

    @Test("d deploys the user, group, role and assigner objects; -1 stays a string")
    func deploys() async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.memberships(of: 4, "&o=ROLE_NAME_ASC&d=group_id&d=role_id&d=user_id&d=assigned_by_user_id")
            #expect(response.status == 200)
            let items = response.array
            #expect(items.count == 4)
            let lab = items[0]
            let group = try #require(lab["group_id"] as? [String: Any])
            #expect(group["name"] as? String == "lab")
            #expect(group["path"] as? String == "/acme/it/lab")
            #expect(Set(group.keys) == BonitaDirectoryTests.groupKeys)
            let role = try #require(lab["role_id"] as? [String: Any])
            #expect(role["name"] as? String == "assistant")
            #expect(Set(role.keys) == BonitaDirectoryTests.roleKeys)
            let user = try #require(lab["user_id"] as? [String: Any])
            #expect(user["userName"] as? String == "walter.bates")
            #expect(Set(user.keys) == BonitaDirectoryTests.userKeys)
            let assigner = try #require(lab["assigned_by_user_id"] as? [String: Any])
            #expect(assigner["userName"] as? String == "helen.kelly")
            let hr = try #require(items.first { ($0["group_id"] as? [String: Any])?["name"] as? String == "hr" })
            #expect(hr["assigned_by_user_id"] as? String == "-1")
            #expect(response.allValuesAreStrings)
            // Only what d names is deployed.
            let partial = try await session.memberships(of: 4, "&d=role_id")
            #expect(partial.array.allSatisfy { $0["role_id"] is [String: Any] && $0["group_id"] is String })
        }
    }

    @Test("GET and PUT of a compound id are 405")
    func methodNotAllowed() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let get = try await session.get("membership/4/2/1")
            #expect(get.status == 405)
            #expect(get.body == #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APIMethodNotAllowedException","message":"HTTP method GET METHOD NOT ALLOWED. not allowed for API identity#membership","api":"identity","resource":"membership"}"#)
            let put = try await session.send(.PUT, "membership/4/2/1", json: #"{"role_id":"2"}"#)
            #expect(put.status == 405)
            #expect((put.object["message"] as? String)?.contains("PUT") == true)
        }
    }

    @Test("DELETE of a compound id answers 200 empty and the membership is gone; again, it is a 500")
    func deleteOne() async throws {
        try await BonitaTestSession.with(user: "helen.kelly") { session in
            let response = try await session.send(.DELETE, "membership/4/2/1")
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            let listing = try await session.memberships(of: 4)
            #expect(listing.contentRange == "0-10/3")
            #expect(!listing.array.contains { $0["group_id"] as? String == "2" && $0["role_id"] as? String == "1" })
            let again = try await session.send(.DELETE, "membership/4/2/1")
            #expect(again.status == 500)
            #expect(again.object["api"] as? String == "identity")
            let cause = try #require(again.object["cause"] as? [String: Any])
            #expect(cause["exception"] as? String == "class org.bonitasoft.engine.exception.DeletionException")
        }
    }

    @Test("a bulk DELETE takes a list of [user, group, role] ids")
    func bulkDelete() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = try await session.send(.DELETE, "membership", json: #"[["4","5","3"],["4","14","4"],["3","2","1"]]"#)
            #expect(response.status == 200)
            let walter = try await session.memberships(of: 4)
            #expect(walter.contentRange == "0-10/2")
            #expect(Set(walter.array.compactMap { $0["group_id"] as? String }) == ["2", "10"])
            #expect(try await session.memberships(of: 3).contentRange == "0-10/1")
            let empty = try await session.send(.DELETE, "membership")
            #expect(empty.status == 500)
            #expect(empty.object["message"] as? String == "Id of the element to delete is missing []")
        }
    }

    @Test("an id part that is zero, negative or not a number is 400", arguments: [
        ("DELETE", "membership/0/2/1"), ("GET", "membership/4/-1/1"), ("DELETE", "membership/4/2/x"),
    ])
    func incorrectID(method: String, path: String) async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let response = method == "GET" ? try await session.get(path) : try await session.send(.DELETE, path)
            #expect(response.status == 400)
            #expect(response.object["message"] as? String == "Id must be non-zero positive for identity on resource membership")
            #expect(try await session.memberships(of: 4).contentRange == "0-10/4")
        }
    }

    @Test("a page index above the total is a 500 APISearchIndexOutOfRange")
    func pageOutOfRange() async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get("membership?p=5&c=10&f=user_id%3d4")
            #expect(response.status == 500)
            #expect(response.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APISearchIndexOutOfRange")
            #expect(response.object["page"] as? Int == 5)
        }
    }

    @Test("a reset brings the demo memberships back with the same ids and dates; a reset to empty drops them")
    func reset() async throws {
        try await BonitaTestSession.with(user: "install") { session in
            let before = try await session.memberships(of: 4, "&o=ASSIGNED_DATE_ASC").body
            #expect(try await session.send(.DELETE, "membership/4/2/1").status == 200)
            try await session.harness.database.reset(to: .demo)
            // The reset also ended the session: log in again.
            let again = try await BonitaTestSession.technical(session.harness)
            #expect(try await again.memberships(of: 4, "&o=ASSIGNED_DATE_ASC").body == before)
            try await session.harness.database.reset(to: .empty)
            let empty = try await BonitaTestSession.technical(session.harness)
            #expect(try await empty.memberships(of: 4).contentRange == "0-10/0")
            #expect(try await empty.get("user/4").object["userName"] as? String == "walter.bates")
        }
    }
}
