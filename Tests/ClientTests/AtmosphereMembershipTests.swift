import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Sandbox
import Testing

/// Image version memberships: list (filters, DRF pages), get, add, remove, and each refusal's message.
@Suite("Atmosphere client: memberships")
struct AtmosphereMembershipTests {
    @Test("the list is the caller's memberships only, with version and group")
    func listOwn() async throws {
        try await ClientSandbox.with { sandbox in
            let memberships = try await sandbox.atmosphere("olivia").memberships()
            #expect(memberships.map(\.id) == AtmoDemo.membershipIDs(of: "olivia"))
            let first = try #require(memberships.first)
            #expect(first.imageVersion.id == AtmoDemo.versionID(image: 1, version: 2))
            #expect(first.imageVersion.name == "1.1")
            let lab = AtmoDemo.group("genomics-lab")
            #expect(first.group == AtmosphereGroup(id: lab.id, uuid: lab.uuid, name: lab.name))
        }
    }

    @Test("version_id filters by version UUID; created_by by username")
    func filters() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let version = AtmoDemo.versionID(image: 1, version: 3)
            let shared = try await client.memberships(versionID: version)
            #expect(shared.map(\.group.name) == ["genomics-lab", "teaching-2026"])
            #expect(shared.allSatisfy { $0.imageVersion.id == version })
            #expect(try await client.memberships(versionID: AtmoDemo.versionID(image: 1, version: 1)).isEmpty)
            #expect(try await client.memberships(createdBy: "olivia").count == AtmoDemo.membershipIDs(of: "olivia").count)
            #expect(try await client.memberships(createdBy: "oscar").isEmpty)
        }
    }

    @Test("every DRF page is followed, with progress after each")
    func paging() async throws {
        try await ClientSandbox.with { sandbox in
            let recorder = RecordingTransport(base: try sandbox.transport())
            let client = try sandbox.atmosphere("olivia", transport: recorder)
            let progress = NIOLockedValueBox<[String]>([])
            let memberships = try await client.memberships(pageSize: 5) { loaded, total in
                progress.withLockedValue { $0.append("\(loaded)/\(total.map(String.init) ?? "?")") }
            }
            let expected = AtmoDemo.membershipIDs(of: "olivia")
            #expect(expected.count == 12)
            #expect(memberships.map(\.id) == expected)
            #expect(progress.withLockedValue { $0 } == ["5/12", "10/12", "12/12"])
            let gets = recorder.requests.filter { $0.method == "GET" }.map(\.url)
            #expect(gets.count == 3)
            #expect(gets.dropFirst().allSatisfy { $0.hasPrefix(sandbox.urls.atmosphere + "/api/v2/image_version_memberships?") })
            #expect(gets.last?.contains("page=3") == true)
        }
    }

    @Test("a next link on another host is asked of the configured server, with its query")
    func nextLinkBehindProxy() async throws {
        let root = "https://atmo.example.org"
        func row(_ id: Int) -> String {
            #"{"id":\#(id),"url":"x","image_version":{"id":"v","url":"x","name":"1"},"group":{"id":1,"uuid":"g","url":"x","name":"n"}}"#
        }
        let transport = ScriptedTransport([
            ("GET \(root)/api/v2/image_version_memberships?page=2&page_size=1",
             ScriptedTransport.json(200, #"{"count":2,"next":null,"previous":"x","results":[\#(row(2))]}"#)),
            ("GET \(root)/api/v2/image_version_memberships?page_size=1",
             ScriptedTransport.json(200, #"{"count":2,"next":"http://10.0.0.5:8000/api/v2/image_version_memberships?page=2&page_size=1","previous":null,"results":[\#(row(1))]}"#)),
        ])
        let client = AtmosphereClient(endpoint: AtmosphereEndpoint(baseURL: root, credentials: .token("t")), transport: transport)
        #expect(try await client.memberships(pageSize: 1).map(\.id) == [1, 2])
        #expect(transport.requests.allSatisfy { $0.url.hasPrefix(root + "/") })
    }

    @Test("get one membership; another user's is 404 'Not found.'")
    func getOne() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let membership = try await client.membership(id: 4)
            #expect(membership.imageVersion.id == AtmoDemo.versionID(image: 2, version: 2))
            #expect(membership.group.name == "iplant-staff")

            let oscars = try #require(AtmoDemo.membershipIDs(of: "oscar").first)
            let failure = await httpFailure { _ = try await client.membership(id: oscars) }
            #expect(failure?.status == 404)
            #expect(failure?.message == "Not found.")
            #expect(failure?.method == "GET")
            #expect(failure?.url == sandbox.urls.atmosphere + "/api/v2/image_version_memberships/\(oscars)")
            // Nor can it be removed.
            #expect(await httpFailure { try await client.removeMembership(id: oscars) }?.status == 404)
            #expect(try await sandbox.atmosphere("oscar").membership(id: oscars).id == oscars)
        }
    }

    @Test("add posts image_version and group UUIDs and answers the new membership (201)")
    func add() async throws {
        try await ClientSandbox.with { sandbox in
            let recorder = RecordingTransport(base: try sandbox.transport())
            let client = try sandbox.atmosphere("olivia", transport: recorder)
            let version = AtmoDemo.versionID(image: 1, version: 1)
            let group = AtmoDemo.group("climate-modeling")
            let added = try await client.addMembership(versionID: version, groupID: group.uuid)
            // `group`, as the real server wants; the seed document's `membership` is refused there.
            let post = try #require(recorder.requests.last { $0.method == "POST" && $0.url.hasSuffix("/image_version_memberships") })
            let body = try JSONSerialization.jsonObject(with: post.body ?? Data()) as? [String: String]
            #expect(body == ["image_version": version, "group": group.uuid])
            #expect(added.imageVersion.id == version)
            #expect(added.imageVersion.name == "1.0")
            #expect(added.group == AtmosphereGroup(id: group.id, uuid: group.uuid, name: group.name))
            #expect(!AtmoDemo.membershipIDs(of: "olivia").contains(added.id))
            #expect(try await client.membership(id: added.id) == added)
            #expect(try await client.memberships(versionID: version) == [added])
        }
    }

    @Test("adding a pair twice is 400 with the unique-set message")
    func addDuplicate() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let failure = await httpFailure {
                _ = try await client.addMembership(versionID: AtmoDemo.versionID(image: 1, version: 2), groupID: AtmoDemo.group("genomics-lab").uuid)
            }
            #expect(failure?.status == 400)
            #expect(failure?.message == "The fields image_version, group must make a unique set.")
            #expect(failure?.method == "POST")
        }
    }

    @Test("an unknown group UUID is 400 'group: … does not exist.'")
    func addUnknownGroup() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let unknown = "0e0e0e0e-1111-4222-8333-444444444444"
            let failure = await httpFailure {
                _ = try await client.addMembership(versionID: AtmoDemo.versionID(image: 1, version: 1), groupID: unknown)
            }
            #expect(failure?.status == 400)
            #expect(failure?.message == "group: Group with Field: uuid '\(unknown)' does not exist.")
        }
    }

    @Test("remove is 204; the membership is then 404 'Not found.'")
    func remove() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let id = 2
            try await client.removeMembership(id: id)
            let failure = await httpFailure { _ = try await client.membership(id: id) }
            #expect(failure?.status == 404)
            #expect(failure?.message == "Not found.")
            #expect(try await client.memberships().map(\.id) == AtmoDemo.membershipIDs(of: "olivia").filter { $0 != id })
            #expect(await httpFailure { try await client.removeMembership(id: id) }?.status == 404)
        }
    }

    @Test("a request id sent as X-Request-Id is kept")
    func requestID() async throws {
        let transport = ScriptedTransport([
            ("DELETE ", ScriptedTransport.json(404, #"{"detail":"Not found."}"#, headers: [("X-Request-Id", "req-42")])),
        ])
        let client = AtmosphereClient(endpoint: AtmosphereEndpoint(baseURL: "https://atmo.example.org", credentials: .token("t")),
                                      transport: transport)
        let failure = await httpFailure { try await client.removeMembership(id: 9) }
        #expect(failure == HTTPFailure(status: 404, message: "Not found.", requestID: "req-42", method: "DELETE",
                                       url: "https://atmo.example.org/api/v2/image_version_memberships/9"))
    }
}
