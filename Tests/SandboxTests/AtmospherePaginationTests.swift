import Foundation
import Sandbox
import Testing

@Suite("Sandbox Atmosphere: DRF page-number pagination")
struct AtmospherePaginationTests {
    static let collection = "image_version_memberships"

    @Test("page_size splits the list; next and previous are absolute and keep the other parameters")
    func pages() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let base = harness.urls.atmosphere + "/api/v2/" + Self.collection
            let first = try await harness.atmosphere(.GET, Self.collection + "?page_size=5", token: token)
            #expect(first.count == 12)
            #expect(first.resultIDs == ["1", "2", "3", "4", "5"])
            #expect(first.object["next"] as? String == base + "?page=2&page_size=5")
            #expect(first.object["previous"] is NSNull)

            let second = try await harness.atmosphere(.GET, try #require(first.object["next"] as? String), token: token)
            #expect(second.resultIDs == ["6", "7", "8", "9", "10"])
            #expect(second.object["previous"] as? String == base + "?page_size=5", "page 1's link drops page")
            #expect(second.object["next"] as? String == base + "?page=3&page_size=5")

            let last = try await harness.atmosphere(.GET, Self.collection + "?page=last&page_size=5", token: token)
            #expect(last.resultIDs == ["11", "12"])
            #expect(last.object["next"] is NSNull)
            #expect(last.object["previous"] as? String == base + "?page=2&page_size=5")
        }
    }

    @Test("links sort the parameters by name and keep filters")
    func linksKeepFilters() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let response = try await harness.atmosphere(.GET, Self.collection + "?version_id=d0b3f4a5-0004-4d40-9e50-000000000103&page_size=1", token: token)
            #expect(response.count == 2)
            #expect(response.object["next"] as? String
                    == harness.urls.atmosphere + "/api/v2/" + Self.collection + "?page=2&page_size=1&version_id=d0b3f4a5-0004-4d40-9e50-000000000103")
        }
    }

    @Test("a page_size that is not a positive number means the default of 100")
    func defaultPageSize() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            for size in ["0", "-3", "many", ""] {
                let response = try await harness.atmosphere(.GET, Self.collection + "?page_size=" + size, token: token)
                #expect(response.results.count == 12, "page_size=\(size)")
                #expect(response.object["next"] is NSNull)
            }
        }
    }

    @Test("a page that does not exist is 404 Invalid page.", arguments: ["4", "0", "-1", "abc", "", "1.5"])
    func invalidPage(page: String) async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let response = try await harness.atmosphere(.GET, Self.collection + "?page_size=5&page=" + page, token: token)
            #expect(response.status == 404)
            #expect(response.body == AtmosphereSeedFacts.invalidPage)
        }
    }

    @Test("page 1 of an empty list exists; page 2 does not")
    func emptyList() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("cora")
            let first = try await harness.atmosphere(.GET, Self.collection + "?page=1", token: token)
            #expect(first.status == 200)
            #expect(first.body == #"{"count":0,"next":null,"previous":null,"results":[]}"#)
            let second = try await harness.atmosphere(.GET, Self.collection + "?page=2", token: token)
            #expect(second.status == 404)
        }
    }
}
