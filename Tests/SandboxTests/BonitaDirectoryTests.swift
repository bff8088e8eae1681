import Foundation
import Sandbox
import Testing

@Suite("Sandbox Bonita organisation: users, groups, roles")
struct BonitaDirectoryTests {
    static let userKeys: Set<String> = ["id", "firstname", "lastname", "password", "userName", "manager_id", "enabled", "icon",
                                        "creation_date", "created_by_user_id", "last_update_date", "last_connection", "title", "job_title"]
    static let groupKeys: Set<String> = ["id", "name", "displayName", "description", "icon", "path", "parent_path", "creation_date",
                                         "created_by_user_id", "last_update_date"]
    static let roleKeys: Set<String> = ["id", "name", "displayName", "description", "icon", "creation_date", "created_by_user_id", "last_update_date"]

    @Test("user search pages with p and c, and Content-Range is p-c/total")
    func userPaging() async throws {
        try await BonitaTestSession.with { session in
            let first = try await session.get("user?p=0&c=5&o=userName%20ASC")
            #expect(first.status == 200)
            #expect(first.contentRange == "0-5/17")
            let second = try await session.get("user?p=1&c=5&o=userName+ASC")
            #expect(second.contentRange == "1-5/17")
            let names = (first.array + second.array).compactMap { $0["userName"] as? String }
            #expect(names.count == 10)
            #expect(names == names.sorted())
            #expect(Set(names).count == 10)
            #expect(names.first == "april.sanchez")
            let last = try await session.get("user?p=3&c=5&o=userName%20DESC")
            #expect(last.contentRange == "3-5/17")
            #expect(last.array.compactMap { $0["userName"] as? String } == ["daniela.angelo", "april.sanchez"])
        }
    }

    @Test("a user item has Bonita's fields, all strings, with an empty password")
    func userItem() async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get("user/4")
            #expect(response.status == 200)
            let user = response.object
            #expect(Set(user.keys) == Self.userKeys)
            #expect(user.values.allSatisfy { $0 is String })
            #expect(user["id"] as? String == "4")
            #expect(user["userName"] as? String == "walter.bates")
            #expect(user["password"] as? String == "")
            #expect(user["manager_id"] as? String == "3")
            #expect(user["enabled"] as? String == "true")
            #expect(user["created_by_user_id"] as? String == "-1")
            let date = try #require(user["creation_date"] as? String)
            #expect(date.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$"#, options: .regularExpression) != nil)
            // Walter has logged in: last_connection is set; William never has, so it is "".
            #expect((user["last_connection"] as? String)?.isEmpty == false)
            #expect(try await session.get("user/1").object["last_connection"] as? String == "")
        }
    }

    @Test("s searches the start of first name, last name and user name, ignoring case", arguments: [
        ("walter", ["walter.bates"]), ("KEL", ["helen.kelly"]), ("wal", ["walter.bates", "thomas.wallis"]), ("zzz", []),
    ])
    func userSearch(term: String, expected: [String]) async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get("user?p=0&c=10&o=userName%20DESC&s=\(term)")
            #expect(response.status == 200)
            #expect(response.array.compactMap { $0["userName"] as? String } == expected)
            #expect(response.contentRange == "0-10/\(expected.count)")
        }
    }

    @Test("user filters: f=group_id and f=enabled")
    func userFilters() async throws {
        try await BonitaTestSession.with { session in
            let hr = try await session.get("user?p=0&c=10&o=userName%20ASC&f=group_id%3d2")
            #expect(hr.array.compactMap { $0["userName"] as? String } == ["april.sanchez", "helen.kelly", "walter.bates"])
            let disabled = try await session.get("user?p=0&c=10&f=enabled%3dfalse")
            #expect(disabled.array.compactMap { $0["userName"] as? String } == ["marc.marseau"])
        }
    }

    @Test("group search: search on name and display name, filters, paths, and the hostile and non-ASCII names intact")
    func groups() async throws {
        try await BonitaTestSession.with { session in
            let all = try await session.get("group?p=0&c=20&o=name%20ASC")
            #expect(all.contentRange == "0-20/14")
            #expect(all.array.allSatisfy { Set($0.keys) == Self.groupKeys })
            #expect(all.allValuesAreStrings)
            let names = all.array.compactMap { $0["name"] as? String }
            #expect(names == names.sorted())
            let human = try await session.get("group?p=0&c=10&s=human")
            #expect(human.array.compactMap { $0["name"] as? String } == ["hr"])
            let sales = try await session.get("group?p=0&c=10&o=name%20ASC&f=parent_path%3d/acme/sales")
            #expect(sales.array.compactMap { $0["name"] as? String } == ["asia", "europe", "latin_america", "north_america"])
            let hr = try await session.get("group/2").object
            #expect(hr["path"] as? String == "/acme/hr")
            #expect(hr["parent_path"] as? String == "/acme")
            #expect(try await session.get("group/1").object["parent_path"] as? String == "")
            #expect(try await session.get("group/10").object["displayName"] as? String == "Amérique latine · ラテンアメリカ")
            let lab = try await session.get("group/14")
            #expect(lab.object["displayName"] as? String == "Lab \u{1b}]0;pwned\u{07}\u{202E}kcab\r\nX")
            #expect(lab.body.contains(#"\u001b]0;pwned\u0007"#))
        }
    }

    @Test("role search: count, order and Content-Range; items are all strings")
    func roles() async throws {
        try await BonitaTestSession.with { session in
            let page = try await session.get("role?p=0&c=2&o=name%20DESC")
            #expect(page.contentRange == "0-2/4")
            #expect(page.array.compactMap { $0["name"] as? String } == ["member", "manager"])
            #expect(page.array.allSatisfy { Set($0.keys) == Self.roleKeys })
            #expect(page.allValuesAreStrings)
            let found = try await session.get("role?p=0&c=10&s=dir")
            #expect(found.array.compactMap { $0["name"] as? String } == ["director"])
            #expect(try await session.get("role/2").object["displayName"] as? String == "Manager")
        }
    }

    @Test("a missing user or role is 404 with Bonita's JSON; a missing group is a bare 404")
    func notFound() async throws {
        try await BonitaTestSession.with { session in
            let user = try await session.get("user/999")
            #expect(user.status == 404)
            #expect(user.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APINotFoundException")
            #expect(user.object["message"] as? String == "User not found")
            #expect(user.object["api"] as? String == "identity")
            #expect(user.object["resource"] as? String == "user")
            let role = try await session.get("role/999")
            #expect(role.status == 404)
            #expect(role.object["message"] as? String == "Unable to find role 999")
            let group = try await session.get("group/999")
            #expect(group.status == 404)
            #expect(group.body.isEmpty)
        }
    }

    @Test("an id that is zero, negative or not a number is 400 APIIncorrectIdException", arguments: ["user/0", "group/-3", "role/abc"])
    func incorrectID(path: String) async throws {
        try await BonitaTestSession.with { session in
            let response = try await session.get(path)
            #expect(response.status == 400)
            #expect(response.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APIIncorrectIdException")
            let resource = String(path.split(separator: "/")[0])
            #expect(response.object["message"] as? String == "Id must be non-zero positive for identity on resource \(resource)")
        }
    }

    @Test("a page index above the total, a bad p, a bad order or no parameter at all is a 500 JSON error")
    func searchErrors() async throws {
        try await BonitaTestSession.with { session in
            // p may equal the total (an empty page); above it the index is out of range.
            let edge = try await session.get("role?p=4&c=1")
            #expect(edge.status == 200)
            #expect(edge.array.isEmpty)
            let beyond = try await session.get("role?p=5&c=1")
            #expect(beyond.status == 500)
            #expect(beyond.body == #"{"exception":"class org.bonitasoft.web.toolkit.client.common.exception.api.APISearchIndexOutOfRange","message":"Page index (5) out of range for API identity#role","api":"identity","resource":"role","page":5}"#)
            let badPage = try await session.get("user?p=abc&c=10")
            #expect(badPage.status == 500)
            #expect(badPage.body == #"{"exception":"class java.lang.NumberFormatException","message":"For input string: \"abc\""}"#)
            let badOrder = try await session.get("user?p=0&c=10&o=shoeSize%20ASC")
            #expect(badOrder.status == 500)
            #expect(badOrder.object["exception"] as? String == "class org.bonitasoft.web.toolkit.client.common.exception.api.APIException")
            let noParameter = try await session.get("group")
            #expect(noParameter.status == 500)
            #expect((noParameter.object["message"] as? String)?.hasPrefix("Id of the item to retrieve is missing in url ") == true)
        }
    }

    @Test("the empty seed has the organisation but no memberships")
    func emptySeed() async throws {
        try await BonitaTestSession.with(user: "install", seed: .empty) { session in
            #expect(try await session.get("user?p=0&c=1").contentRange == "0-1/17")
            #expect(try await session.get("group?p=0&c=1").contentRange == "0-1/14")
            #expect(try await session.get("role?p=0&c=1").contentRange == "0-1/4")
            let memberships = try await session.memberships(of: 4)
            #expect(memberships.status == 200)
            #expect(memberships.contentRange == "0-10/0")
            #expect(memberships.array.isEmpty)
        }
    }
}
