import Foundation
@testable import Sandbox
import Testing

/// `GET /v2/schemas/…`: Glance 33's documents as the reference stack's Glance sends them.
@Suite("Sandbox Glance v2 schemas")
struct GlanceSchemaSandboxTests {
    @Test("the four schemas are Glance's documents, and the patch check uses the image schema's own properties")
    func schemas() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            for (name, document) in GlanceSchemaDocuments.byName {
                let response = try await harness.send(.GET, "/image/v2/schemas/\(name)", headers: [("X-Auth-Token", olivia)])
                #expect(response.status == 200)
                #expect(response.body == document)
                #expect(response.object["name"] as? String == name)
            }
            #expect(try await harness.send(.GET, "/image/v2/schemas/image").status == 401)
            #expect(try await harness.send(.GET, "/image/v2/schemas/nope", headers: [("X-Auth-Token", olivia)]).status == 404)
            let post = try await harness.send(.POST, "/image/v2/schemas/member", headers: [("X-Auth-Token", olivia)])
            #expect(post.status == 405 && post.headers.first(name: "Allow") == "GET")
        }
        let properties = try #require(JSONValue.parse(Data(GlanceSchemaDocuments.image.utf8))?["properties"])
        for (name, schema) in GlanceImageSchema.properties {
            #expect(properties[name] == JSONValue.parse(Data(schema.serialized().utf8)), "\(name)")
        }
    }
}
