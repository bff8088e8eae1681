import Foundation
import NIOHTTP1
import Sandbox
import Testing

/// How much of a body each protocol reads, and how it refuses more: never with the sandbox's own 500.
/// Keystone's oslo sizelimit middleware refuses bodies over 114688 bytes (observed on the reference stack);
/// Glance reads any size (a 20 MB member id was stored), as do DRF's JSON parser and Tomcat for Bonita's
/// REST API, so the sandbox's own bound is far above what a client sends.
@Suite("Sandbox request body limits")
struct SandboxBodyLimitTests {
    static func memberBody(bytes: Int) -> String { #"{"member":""# + String(repeating: "m", count: bytes) + #""}"# }

    @Test("a 1.5 MB member id is stored as Glance stores it: 200 with the id")
    func glanceLargeMember() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let image = try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", olivia)], json: #"{"name":"big"}"#)
            let id = try #require(image.object["id"] as? String)
            let added = try await harness.sendJSON(.POST, "/image/v2/images/\(id)/members", headers: [("X-Auth-Token", olivia)],
                                                   json: Self.memberBody(bytes: 1_500_000))
            #expect(added.status == 200)
            #expect((added.object["member_id"] as? String)?.count == 1_500_000)
            let listed = try await harness.send(.GET, "/image/v2/images/\(id)/members", headers: [("X-Auth-Token", olivia)])
            #expect(listed.status == 200)
            #expect(listed.body.count > 1_500_000)
        }
    }

    @Test("past the sandbox's bound Glance answers webob's 413, not 500")
    func glanceBound() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            let body = Self.memberBody(bytes: SandboxBodyLimits.sandboxBytes)
            for (method, path) in [(HTTPMethod.POST, "/image/v2/images/\(UUID().uuidString.lowercased())/members"), (.POST, "/rackspace/v2/images"),
                                   (.PUT, "/image-v1/v1/images/x/members")] {
                let refused = try await harness.sendJSON(method, path, headers: [("X-Auth-Token", olivia)], json: body)
                #expect(refused.status == 413, "\(path)")
                #expect(refused.object["title"] as? String == "Request Entity Too Large", "\(path)")
            }
        }
    }

    @Test("Keystone refuses a body over 114688 bytes with oslo's 413 and no request id, whatever the route")
    func keystoneLimit() async throws {
        try await SandboxHarness.with { harness in
            let padding = String(repeating: "x", count: 114_688 - 8)
            let fits = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: #"{"a":"\#(padding)"}"#)
            #expect(fits.status == 400)
            let over = try await harness.sendJSON(.POST, "/identity/v3/auth/tokens", json: #"{"a":"\#(padding)x"}"#)
            #expect(over.status == 413)
            #expect(over.body == #"{"message": "Request is too large. Larger than max_request_body_size (%s).<br /><br />\n\n\n", "code": "413 Request Entity Too Large", "title": "Request Entity Too Large"}"#)
            #expect(over.headers.first(name: "x-openstack-request-id") == nil)
            let onGet = try await harness.send(.GET, "/identity/v3", body: padding + "xxxxxxxxx")
            #expect(onGet.status == 413)
            #expect(onGet.headers.first(name: "Content-Type")?.hasPrefix("text/plain") == true)
        }
    }

    @Test("Atmosphere and Bonita read a 3 MB body and answer in their own shapes")
    func atmosphereAndBonita() async throws {
        try await SandboxHarness.with { harness in
            let large = #"{"group":""# + String(repeating: "g", count: 3_000_000) + #""}"#
            let token = try await harness.atmosphereToken("olivia")
            let atmosphere = try await harness.atmosphere(.POST, "image_version_memberships", token: token, json: large)
            #expect(atmosphere.status == 400)
            #expect(atmosphere.object["group"] != nil)
            let tooLarge = try await harness.atmosphere(.POST, "image_version_memberships", token: token,
                                                        json: Self.memberBody(bytes: SandboxBodyLimits.sandboxBytes))
            #expect(tooLarge.status == 413)
            #expect(tooLarge.object["detail"] is String)

            let bonita = try await BonitaTestSession.technical(harness)
            let membership = try await harness.send(.POST, "/bonita/API/identity/membership",
                                                    headers: [bonita.cookieHeader, ("X-Bonita-API-Token", bonita.apiToken), ("Content-Type", "application/json")],
                                                    body: #"{"user_id":"\#(String(repeating: "1", count: 3_000_000))","group_id":"1","role_id":"1"}"#)
            #expect(membership.status == 500)
            #expect((membership.object["exception"] as? String)?.hasPrefix("class ") == true)
            let tooLargeForBonita = try await harness.send(.POST, "/bonita/API/identity/membership",
                                                           headers: [bonita.cookieHeader, ("X-Bonita-API-Token", bonita.apiToken)],
                                                           body: Self.memberBody(bytes: SandboxBodyLimits.sandboxBytes))
            #expect(tooLargeForBonita.status == 413)
            #expect((tooLargeForBonita.object["exception"] as? String)?.hasPrefix("class ") == true)
        }
    }

    @Test("a Bonita login form over Tomcat's 2 MB maxPostSize loses its parameters: 401")
    func bonitaLoginForm() async throws {
        try await SandboxHarness.with { harness in
            let form = "username=install&password=install&redirect=false&pad=" + String(repeating: "p", count: 2 << 20)
            let response = try await harness.send(.POST, "/bonita/loginservice", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            #expect(response.status == 401)
            #expect(response.body.isEmpty)
        }
    }
}
