import Foundation
import Testing
@testable import MembershipKit

/// Query strings for `GET /v2/images` and percent-encoding.
@Suite("Image query and query encoding")
struct ImageQueryTests {
    @Test("query values keep unreserved characters and : , but escape the rest", arguments: [
        ("abc-DEF_1.2~3", "abc-DEF_1.2~3"),
        ("name:asc,size:desc", "name:asc,size:desc"),
        ("my image", "my%20image"),
        ("a/b", "a%2Fb"),
        ("a&b=c?d#e+f%", "a%26b%3Dc%3Fd%23e%2Bf%25"),
        ("café", "caf%C3%A9"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("", ""),
    ])
    func escape(value: String, expected: String) {
        #expect(QueryEncoding.escape(value) == expected)
    }

    @Test("path segments escape : , and / as well")
    func pathSegment() throws {
        #expect(try QueryEncoding.pathSegment("a:b,c") == "a%3Ab%2Cc")
        #expect(try QueryEncoding.pathSegment("../x") == "..%2Fx")
        #expect(try QueryEncoding.pathSegment("member with spaces") == "member%20with%20spaces")
        #expect(try QueryEncoding.pathSegment("fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a") == "fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a")
    }

    @Test("the default query only asks for a page of 200")
    func defaultQuery() {
        #expect(ImageQuery().queryString() == "limit=200")
    }

    @Test("every filter appears in a stable order, escaped")
    func allFilters() {
        let query = ImageQuery(visibility: "shared", memberStatus: "all", owner: "p-1", name: "my image&co",
                               sort: "name:asc,created_at:desc", pageSize: 50)
        #expect(query.queryString() == "visibility=shared&member_status=all&owner=p-1&name=my%20image%26co&sort=name:asc,created_at:desc&limit=50")
    }

    @Test("values are passed as given, so the server reports a wrong one")
    func valuesNotChecked() {
        #expect(ImageQuery(visibility: "bogus", memberStatus: "Accepted").queryString() == "visibility=bogus&member_status=Accepted&limit=200")
    }

    @Test("a total limit smaller than the page size shrinks the page, never below 1", arguments: [
        (5, "limit=5"), (200, "limit=200"), (1000, "limit=200"), (0, "limit=1"), (-3, "limit=1"),
    ])
    func limitShrinksPage(limit: Int, expected: String) {
        #expect(ImageQuery(pageSize: 200, limit: limit).queryString() == expected)
    }
}
