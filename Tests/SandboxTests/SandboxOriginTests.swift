import Foundation
import Sandbox
import Testing

/// Absolute URLs in the sandbox's answers (the Keystone catalog above all, which tells clients where to send
/// their tokens) name the address the sandbox listens on, never the request's `Host` header, which any
/// client can forge.
@Suite("Sandbox URLs come from the listening address")
struct SandboxOriginTests {
    static let forged = ("Host", "evil.example:80")

    @Test("a forged Host header does not reach the catalog, the 401 challenge or the version links")
    func forgedHost() async throws {
        try await SandboxHarness.with { harness in
            let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"cora","domain":{"name":"Default"},"password":"sandbox"}}}}}"#
            let issued = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", headers: [Self.forged], json: body)
            #expect(issued.status == 201)
            let catalog = try #require((issued.object["token"] as? [String: Any])?["catalog"] as? [[String: Any]])
            let urls = catalog.flatMap { ($0["endpoints"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String } }
            #expect(urls.count == 6)
            #expect(Set(urls) == [harness.urls.identity, harness.urls.image])
            #expect(!issued.body.contains("evil.example"))

            let refused = try await harness.send(.GET, "/image/v2/images", headers: [Self.forged])
            #expect(refused.headers.first(name: "WWW-Authenticate") == "Keystone uri=\"\(harness.urls.identity)\"")
            let keystoneRefused = try await harness.send(.GET, "/identity/v3/auth/tokens", headers: [Self.forged])
            #expect(keystoneRefused.headers.first(name: "WWW-Authenticate") == "Keystone uri=\"\(harness.urls.identity)\"")
            let versions = try await harness.send(.GET, "/image/versions", headers: [Self.forged])
            #expect(versions.body.contains(harness.urls.image + "/v2/"))
            #expect(!versions.body.contains("evil.example"))
            let atmosphere = try await harness.send(.GET, "/atmosphere/api/v2/images", headers: [Self.forged])
            #expect(atmosphere.body.contains(harness.urls.atmosphere + "/api/v2/images/"))
            #expect(!atmosphere.body.contains("evil.example"))
        }
    }
}
