import Foundation
import MembershipKit
import Sandbox
import Testing

/// The v1 image list, its paging and `findImage`, against the sandbox's Glance v1; and the v1 endpoint.
@Suite("GlanceV1 images")
struct GlanceV1ImageTests {
    typealias F = GlanceV1Fixture

    @Test("the detailed list carries v1's fields")
    func detailFields() async throws {
        try await ClientSandbox.with { sandbox in
            let images = try await F.client(sandbox).images()
            let golden = try #require(images.first { $0.name == "golden-ubuntu-24.04-hardened" })
            #expect(golden.isPublic == false && golden.owner == F.imaging && golden.status == "active")
            #expect(golden.diskFormat == "qcow2" && golden.containerFormat == "bare" && golden.size == 734_003_200)
            #expect(golden.createdAt?.hasSuffix(".000000") == true && golden.checksum != nil && golden.protected == false)
            let alpine = try #require(images.first { $0.name == "alpine-3.20-minimal" })
            #expect(alpine.isPublic == true)
            let scratch = try #require(images.first { $0.name == "imaging-scratch" })
            #expect(scratch.status == "queued" && scratch.size == nil)
            // Another project's private image is not listed; one shared with imaging is.
            #expect(!images.contains { $0.name == "research-archive-2019" })
            #expect(images.contains { $0.name == "genomics-pipeline-v7" })
            #expect(Set(images.map(\.id)).count == images.count)
        }
    }

    @Test("the summary list has the same images without owner or status")
    func summaryList() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let detailed = try await client.images()
            let summary = try await client.images(detail: false, pageSize: 4)
            #expect(summary.map(\.id) == detailed.map(\.id))
            #expect(summary.map(\.name) == detailed.map(\.name))
            #expect(summary.allSatisfy { $0.owner == nil && $0.status == nil && $0.isPublic == nil })
        }
    }

    @Test("marker paging follows every page, whatever the page size", arguments: [1, 3, 7])
    func paging(pageSize: Int) async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let all = try await client.images(pageSize: 1000)
            #expect(all.count > 7)
            #expect(try await client.images(pageSize: pageSize).map(\.id) == all.map(\.id))
        }
    }

    @Test("a last page exactly full ends with an empty page; limit and marker cut the list")
    func pagingEdges() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let ids = try await client.images(pageSize: 1000).map(\.id)
            #expect(try await client.images(pageSize: ids.count).map(\.id) == ids)
            #expect(try await client.images(pageSize: ids.count - 1).map(\.id) == ids)
            #expect(try await client.images(limit: 5, pageSize: 2).map(\.id) == Array(ids.prefix(5)))
            #expect(try await client.images(marker: ids[2], pageSize: 3).map(\.id) == Array(ids[3...]))
            #expect(try await client.images(limit: 4, marker: ids[2], pageSize: 3).map(\.id) == Array(ids[3..<7]))
            #expect(try await client.images(limit: 0).isEmpty)
        }
    }

    @Test("an unknown marker is the server's 400, in one line")
    func unknownMarker() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let failure = await F.refusal { _ = try await client.images(marker: "00000000-0000-4000-8000-000000000000") }
            #expect(failure?.status == 400)
            #expect(failure?.message == "marker not found")
        }
    }

    @Test("findImage finds by id and by name, and says when nothing matches")
    func findImage() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let byName = try await client.findImage("nginx-1.26-edge")
            #expect(byName.name == "nginx-1.26-edge" && byName.owner == F.imaging)
            #expect(try await client.findImage(byName.id) == byName)
            // The image of another project that imaging is a member of is found too.
            #expect(try await client.findImage("genomics-pipeline-v7").owner == F.research)
            for missing in ["no-such-image", "00000000-0000-4000-8000-000000000000", "research-archive-2019"] {
                let error = await #expect(throws: MembershipError.self) { _ = try await client.findImage(missing) }
                #expect(error == .notFound("no image with id or name '\(missing)'"))
            }
        }
    }

    @Test("findImage refuses a name that several images share, naming their ids")
    func findImageAmbiguous() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try F.client(sandbox)
            let original = try await client.findImage("cirros-0.6.2")
            // A second image of that name, made through the sandbox's v2 (v1 here only reads images).
            let v2 = try sandbox.session("olivia", imageRoot: sandbox.urls.image)
            let created = try await v2.send("POST", try await v2.imageEndpoint() + "/images",
                                            json: Data(#"{"name": "cirros-0.6.2", "disk_format": "qcow2", "container_format": "bare"}"#.utf8))
            let object = try #require(try JSONSerialization.jsonObject(with: created.body) as? [String: Any])
            let copy = try #require(object["id"] as? String)
            let error = await #expect(throws: MembershipError.self) { _ = try await client.findImage("cirros-0.6.2") }
            guard case let .ambiguous(text)? = error else {
                Issue.record("expected ambiguous, got \(String(describing: error))")
                return
            }
            #expect(text.hasPrefix("2 images are named 'cirros-0.6.2'"))
            #expect(text.contains(original.id) && text.contains(copy))
            // The id still finds each one.
            #expect(try await client.findImage(original.id).id == original.id)
        }
    }

    @Test("the v1 endpoint is the image service root plus /v1; a root naming v2 has that replaced",
          arguments: [
              ("https://glance.example:9292", "https://glance.example:9292/v1"),
              ("https://glance.example:9292/", "https://glance.example:9292/v1"),
              ("https://cloud.example/image/v2", "https://cloud.example/image/v1"),
              ("https://cloud.example/image/v2.1/", "https://cloud.example/image/v1"),
              ("https://cloud.example/image/v1", "https://cloud.example/image/v1"),
              ("https://cloud.example/image-v1", "https://cloud.example/image-v1/v1"),
          ])
    func v1Endpoint(root: String, expected: String) async throws {
        let session = try Self.session(imageRoot: root)
        #expect(try await session.imageServiceRoot() == root)
        #expect(try await session.imageEndpoint(version: "v1") == expected)
    }

    @Test("imageEndpoint() still gives v2 callers the v2 endpoint",
          arguments: [
              ("https://glance.example:9292", "https://glance.example:9292/v2"),
              ("https://cloud.example/image/v2.1", "https://cloud.example/image/v2.1"),
              ("https://images.example/v2/123456", "https://images.example/v2/123456"),
          ])
    func v2Endpoint(root: String, expected: String) async throws {
        let session = try Self.session(imageRoot: root)
        #expect(try await session.imageEndpoint() == expected)
        #expect(try await session.imageEndpoint(version: "v2") == expected)
    }

    /// A session that is never used to authenticate: with an override, the endpoints need no token.
    static func session(imageRoot: String) throws -> OpenStackSession {
        var cloud = CloudConfig(name: "endpoint-test")
        cloud.imageEndpointOverride = imageRoot
        return try OpenStackSession.make(cloud: cloud, tokenCache: nil)
    }
}
