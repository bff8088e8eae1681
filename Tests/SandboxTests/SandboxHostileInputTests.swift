import Foundation
import NIOHTTP1
import Sandbox
import Testing

/// Requests built to hurt answer as the real servers do (observed on the reference stack, or read from
/// DRF's source), never with the sandbox's own 500.
@Suite("Sandbox hostile input")
struct SandboxHostileInputTests {
    static func nested(_ depth: Int) -> String {
        #"{"x":"# + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + #","member":"deep"}"#
    }

    @Test("JSON nested past Python's recursion limit: Glance's webob 500, Keystone's gunicorn 500")
    func deepJSON() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let image = try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", olivia)], json: #"{"name":"deep"}"#)
            let members = "/image/v2/images/\(try #require(image.object["id"] as? String))/members"
            let shallow = try await harness.sendJSON(.POST, members, headers: [("X-Auth-Token", olivia)], json: Self.nested(100))
            #expect(shallow.status == 200)
            let glance = try await harness.sendJSON(.POST, members, headers: [("X-Auth-Token", olivia)], json: Self.nested(1000))
            #expect(glance.status == 500)
            #expect(glance.object["message"] as? String == "The server has either erred or is incapable of performing the requested operation.<br /><br />\n\n\n")
            #expect(glance.headers.first(name: "x-openstack-request-id") != nil)
            let keystone = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: Self.nested(1000))
            #expect(keystone.status == 500)
            #expect(keystone.body.contains("<h1><p>Internal Server Error</p></h1>"))
            #expect(keystone.headers.first(name: "x-openstack-request-id") == nil)
        }
    }

    @Test("Glance's image list: a limit past any integer is capped, a query that is not UTF-8 is 400")
    func glanceQuery() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let huge = try await harness.sendJSON(.GET, "/image/v2/images?limit=99999999999999999999999", headers: [("X-Auth-Token", olivia)])
            #expect(huge.status == 200)
            let spaced = try await harness.sendJSON(.GET, "/image/v2/images?limit=%202%20", headers: [("X-Auth-Token", olivia)])
            #expect((spaced.object["images"] as? [Any])?.count == 2)
            let notUTF8 = try RawHTTP.send(port: harness.sandbox.port,
                "GET /image/v2/images?name=%FF HTTP/1.1\r\nHost: x\r\nX-Auth-Token: \(olivia)\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
            #expect(notUTF8.hasPrefix("HTTP/1.1 400"))
            #expect(notUTF8.contains("Error decoding your request. Either the URL or the request body contained characters that could not be decoded by Glance"))
        }
    }

    @Test("a request line past gunicorn's 4094 bytes, as Keystone and Glance would have read it, is its 414")
    func longRequestLine() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let padding = String(repeating: "a", count: 5000)
            let glance = try await harness.send(.GET, "/image/v2/images?x=" + padding, headers: [("X-Auth-Token", olivia)])
            #expect(glance.status == 414)
            #expect(glance.body.contains("Request Line is too large (5026 &gt; 4094)"))
            let keystone = try await harness.send(.GET, "/identity/v3/auth/tokens?x=" + padding, headers: [("X-Auth-Token", olivia)])
            #expect(keystone.status == 414)
            #expect(keystone.body.contains("Request Line is too large (5031 &gt; 4094)"))
            // "GET /v2/images?x=" and " HTTP/1.1" take 26 bytes: 4068 more make exactly 4094.
            let fits = try await harness.send(.GET, "/image/v2/images?x=" + String(repeating: "a", count: 4068), headers: [("X-Auth-Token", olivia)])
            #expect(fits.status == 200)
        }
    }

    @Test("DRF pagination: page and page_size are read with Python's int, which has no overflow", arguments: [
        ("page_size=99999999999999999999999", 200, 8), ("page=%201%20", 200, 8), ("page=1_0", 404, 0),
        ("page=99999999999999999999999", 404, 0), ("page_size=+2", 200, 2), ("page_size=0_2", 200, 2),
    ])
    func atmospherePages(query: String, status: Int, results: Int) async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let response = try await harness.atmosphere(.GET, "images?" + query, token: token)
            #expect(response.status == status)
            #expect(response.results.count == results)
        }
    }
}
