import Foundation
import NIOHTTP1
import Sandbox
import Testing

@Suite("Sandbox Atmosphere: image version memberships")
struct AtmosphereMembershipTests {
    static let collection = "image_version_memberships"

    @Test("the list holds only memberships of the caller's versions, with the documented representation")
    func listAndRepresentation() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.atmosphere(.GET, Self.collection, token: try await harness.atmosphereToken("olivia"))
            #expect(olivia.status == 200)
            #expect(olivia.count == 12)
            #expect(olivia.resultIDs == (1...12).map(String.init))
            let first = try #require(olivia.results.first)
            #expect(Set(first.keys) == ["id", "url", "image_version", "group"])
            #expect(first["url"] as? String == harness.urls.atmosphere + "/api/v2/image_version_memberships/1")
            let version = try #require(first["image_version"] as? [String: Any])
            #expect(Set(version.keys) == ["id", "url", "name"])
            #expect(version["id"] as? String == AtmosphereSeedFacts.version(image: 1, number: 2))
            let group = try #require(first["group"] as? [String: Any])
            #expect(Set(group.keys) == ["id", "uuid", "url", "name"])
            #expect(group["id"] as? Int == 11)
            #expect(group["name"] as? String == "genomics-lab")

            let oscar = try await harness.atmosphere(.GET, Self.collection, token: try await harness.atmosphereToken("oscar"))
            #expect(oscar.resultIDs == ["13", "14", "15"])
            let cora = try await harness.atmosphere(.GET, Self.collection, token: try await harness.atmosphereToken("cora"))
            #expect(cora.count == 0)
            let admin = try await harness.atmosphere(.GET, Self.collection, token: try await harness.atmosphereToken("admin"))
            #expect(admin.count == 0, "no staff exception")
        }
    }

    @Test("filters: version_id (a version UUID) and created_by")
    func filters() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let version = AtmosphereSeedFacts.version(image: 1, number: 3)
            let byVersion = try await harness.atmosphere(.GET, Self.collection + "?version_id=" + version, token: token)
            #expect(byVersion.resultIDs == ["2", "3"])
            let notAUUID = try await harness.atmosphere(.GET, Self.collection + "?version_id=2", token: token)
            #expect(notAUUID.count == 0)
            let mine = try await harness.atmosphere(.GET, Self.collection + "?created_by=olivia", token: token)
            #expect(mine.count == 12)
            let others = try await harness.atmosphere(.GET, Self.collection + "?created_by=oscar", token: token)
            #expect(others.count == 0)
        }
    }

    @Test("create with group answers 201, Location and the new membership, which can then be read")
    func createWithGroup() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let version = AtmosphereSeedFacts.version(image: 1, number: 1)
            let carl = AtmosphereSeedFacts.group("carl")
            let created = try await harness.atmosphere(.POST, Self.collection, token: token,
                                                       json: #"{"image_version":"\#(version)","group":"\#(carl)"}"#)
            #expect(created.status == 201)
            let url = try #require(created.object["url"] as? String)
            #expect(url == harness.urls.atmosphere + "/api/v2/image_version_memberships/16")
            #expect(created.headers.first(name: "Location") == url)
            #expect((created.object["image_version"] as? [String: Any])?["id"] as? String == version)
            #expect((created.object["group"] as? [String: Any])?["uuid"] as? String == carl)
            let read = try await harness.atmosphere(.GET, url, token: token)
            #expect(read.status == 200)
            #expect(read.body == created.body)
            let listed = try await harness.atmosphere(.GET, Self.collection + "?version_id=" + version, token: token)
            #expect(listed.resultIDs == ["16"])
        }
    }

    @Test("the seed document's membership key is accepted in place of group")
    func createWithMembershipKey() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let version = AtmosphereSeedFacts.version(image: 2, number: 1)
            let lab = AtmosphereSeedFacts.group("genomics-lab")
            let created = try await harness.atmosphere(.POST, Self.collection, token: token,
                                                       json: #"{"image_version":"\#(version)","membership":"\#(lab)"}"#)
            #expect(created.status == 201)
            #expect((created.object["group"] as? [String: Any])?["name"] as? String == "genomics-lab")
            #expect(created.headers.first(name: "Location") == created.object["url"] as? String)
        }
    }

    @Test("validation errors have DRF's bodies", arguments: [
        (#"{"image_version":"d0b3f4a5-0004-4d40-9e50-000000000103","group":"b8e1d2c3-0002-4b20-9c30-000000000011"}"#,
         #"{"non_field_errors":["The fields image_version, group must make a unique set."]}"#),
        (#"{"image_version":"d0b3f4a5-0004-4d40-9e50-000000000103","group":"nope"}"#,
         #"{"group":["Group with Field: uuid 'nope' does not exist."]}"#),
        (#"{"image_version":"d0b3f4a5-0004-4d40-9e50-000000000103","group":"b8e1d2c3-0002-4b20-9c30-0000000000ff"}"#,
         #"{"group":["Group with Field: uuid 'b8e1d2c3-0002-4b20-9c30-0000000000ff' does not exist."]}"#),
        (#"{"image_version":"d0b3f4a5-0004-4d40-9e50-000000000999","group":"b8e1d2c3-0002-4b20-9c30-000000000011"}"#,
         #"{"image_version":["ApplicationVersion with Field: pk 'd0b3f4a5-0004-4d40-9e50-000000000999' does not exist."]}"#),
        (#"{"image_version":"d0b3f4a5-0004-4d40-9e50-000000000103"}"#, #"{"group":["This field is required."]}"#),
        ("{}", #"{"image_version":["This field is required."],"group":["This field is required."]}"#),
        (#"{"image_version":null,"group":"nope"}"#,
         #"{"image_version":["This field may not be null."],"group":["Group with Field: uuid 'nope' does not exist."]}"#),
        ("[]", #"{"non_field_errors":["Invalid data. Expected a dictionary, but got list."]}"#),
    ])
    func createRefused(body: String, expected: String) async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let response = try await harness.atmosphere(.POST, Self.collection, token: token, json: body)
            #expect(response.status == 400)
            #expect(response.body == expected)
            let unchanged = try await harness.atmosphere(.GET, Self.collection, token: token)
            #expect(unchanged.count == 12)
        }
    }

    @Test("another user's memberships are 404 to read, change or delete")
    func othersAreHidden() async throws {
        try await SandboxHarness.with { harness in
            for user in ["oscar", "cora", "admin"] {
                let token = try await harness.atmosphereToken(user)
                let patch = #"{"group":"\#(AtmosphereSeedFacts.group("carl"))"}"#
                let attempts: [(HTTPMethod, String?)] = [(.GET, nil), (.PATCH, patch), (.DELETE, nil)]
                for (method, body) in attempts {
                    let response = try await harness.atmosphere(method, Self.collection + "/1", token: token, json: body)
                    #expect(response.status == 404, "\(user) \(method)")
                    #expect(response.body == AtmosphereSeedFacts.notFound)
                }
            }
            let olivia = try await harness.atmosphere(.GET, Self.collection + "/1", token: try await harness.atmosphereToken("olivia"))
            #expect(olivia.status == 200)
            let notANumber = try await harness.atmosphere(.GET, Self.collection + "/abc", token: try await harness.atmosphereToken("olivia"))
            #expect(notANumber.status == 404)
        }
    }

    @Test("POST checks no ownership: a consumer may share olivia's version, then cannot see the result")
    func createOnAnotherUsersVersion() async throws {
        try await SandboxHarness.with { harness in
            let cora = try await harness.atmosphereToken("cora")
            let version = AtmosphereSeedFacts.version(image: 2, number: 1)
            let created = try await harness.atmosphere(.POST, Self.collection, token: cora,
                                                       json: #"{"image_version":"\#(version)","group":"\#(AtmosphereSeedFacts.group("cora"))"}"#)
            #expect(created.status == 201)
            let id = try #require(created.object["id"] as? Int)
            let hers = try await harness.atmosphere(.GET, Self.collection + "/\(id)", token: cora)
            #expect(hers.status == 404)
            let owner = try await harness.atmosphere(.GET, Self.collection + "/\(id)", token: try await harness.atmosphereToken("olivia"))
            #expect(owner.status == 200)
        }
    }

    @Test("PATCH and PUT change the group or the version; a change onto an existing pair is refused")
    func update() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let carl = AtmosphereSeedFacts.group("carl")
            let patched = try await harness.atmosphere(.PATCH, Self.collection + "/1", token: token, json: #"{"group":"\#(carl)"}"#)
            #expect(patched.status == 200)
            #expect((patched.object["group"] as? [String: Any])?["name"] as? String == "carl")
            #expect((patched.object["image_version"] as? [String: Any])?["id"] as? String == AtmosphereSeedFacts.version(image: 1, number: 2))

            let other = AtmosphereSeedFacts.version(image: 2, number: 1)
            let put = try await harness.atmosphere(.PUT, Self.collection + "/1", token: token,
                                                   json: #"{"image_version":"\#(other)","group":"\#(carl)"}"#)
            #expect(put.status == 200)
            #expect((put.object["image_version"] as? [String: Any])?["name"] as? String == "4.2")

            let clash = try await harness.atmosphere(.PATCH, Self.collection + "/3", token: token,
                                                     json: #"{"group":"\#(AtmosphereSeedFacts.group("genomics-lab"))"}"#)
            #expect(clash.status == 400)
            #expect(clash.body == #"{"non_field_errors":["The fields image_version, group must make a unique set."]}"#)
            let same = try await harness.atmosphere(.PATCH, Self.collection + "/2", token: token,
                                                    json: #"{"group":"\#(AtmosphereSeedFacts.group("genomics-lab"))"}"#)
            #expect(same.status == 200, "re-setting its own pair is no clash")
        }
    }

    @Test("DELETE answers 204 with no body; the membership is then 404")
    func destroy() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("olivia")
            let deleted = try await harness.atmosphere(.DELETE, Self.collection + "/5", token: token)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try await harness.atmosphere(.GET, Self.collection + "/5", token: token)
            #expect(gone.status == 404)
            let again = try await harness.atmosphere(.DELETE, Self.collection + "/5", token: token)
            #expect(again.status == 404)
            let list = try await harness.atmosphere(.GET, Self.collection, token: token)
            #expect(list.count == 11)
            #expect(!list.resultIDs.contains("5"))
        }
    }

    @Test("a reset gives the same membership ids as a fresh sandbox")
    func resetIsDeterministic() async throws {
        try await SandboxHarness.with { harness in
            let body = #"{"image_version":"\#(AtmosphereSeedFacts.version(image: 1, number: 1))","group":"\#(AtmosphereSeedFacts.group("carl"))"}"#
            let first = try await harness.atmosphere(.POST, Self.collection, token: try await harness.atmosphereToken("olivia"), json: body)
            #expect(first.object["id"] as? Int == 16)
            try await harness.database.reset(to: .demo)
            let second = try await harness.atmosphere(.POST, Self.collection, token: try await harness.atmosphereToken("olivia"), json: body)
            #expect(second.object["id"] as? Int == 16)
        }
    }
}

