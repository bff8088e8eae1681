import Foundation
import Sandbox
import Testing

@Suite("Sandbox Atmosphere: images, image versions and groups")
struct AtmosphereCatalogTests {
    @Test("anonymous callers see the public images that are not end-dated")
    func anonymousImages() async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.atmosphere(.GET, "images")
            #expect(response.status == 200)
            #expect(response.resultIDs == ["1", "2", "8"])
            #expect(response.object["next"] is NSNull)
        }
    }

    @Test("a user also sees their own images and those shared with their groups", arguments: [
        ("cora", ["1", "2", "3", "4", "5", "6", "8", "9"]),
        ("oscar", ["1", "2", "4", "7", "8", "9", "10"]),
    ])
    func userImages(user: String, expected: [String]) async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken(user)
            let response = try await harness.atmosphere(.GET, "images", token: token)
            #expect(response.resultIDs == expected)
            #expect(response.count == expected.count)
        }
    }

    @Test("image filters: created_by, tag_name and a case-insensitive search", arguments: [
        ("images?created_by=oscar", ["8"]),
        ("images?tag_name=gis", ["1", "8"]),
        ("images?search=GIS", ["1", "8"]),
        ("images?search=rstudio", ["2"]),
        ("images?search=ubuntu%20qgis", ["1"]),
        ("images?created_by=nobody", []),
    ])
    func imageFilters(path: String, expected: [String]) async throws {
        try await SandboxHarness.with { harness in
            let response = try await harness.atmosphere(.GET, path)
            #expect(response.status == 200)
            #expect(response.resultIDs == expected)
        }
    }

    @Test("an image by id or UUID has Atmosphere's fields; hidden and unknown images are 404")
    func imageDetail() async throws {
        try await SandboxHarness.with { harness in
            let uuid = "e1c4a5b6-0005-4e50-af60-000000000001"
            let byID = try await harness.atmosphere(.GET, "images/1")
            let byUUID = try await harness.atmosphere(.GET, "images/" + uuid.uppercased())
            #expect(byID.status == 200 && byUUID.status == 200)
            #expect(byID.body == byUUID.body)
            let image = byID.object
            #expect(Set(image.keys) == ["id", "url", "uuid", "name", "created_by", "description", "start_date", "end_date",
                                        "is_public", "icon", "tags", "versions"])
            #expect(image["url"] as? String == harness.urls.atmosphere + "/api/v2/images/" + uuid)
            #expect(image["is_public"] as? Bool == true)
            let creator = try #require(image["created_by"] as? [String: Any])
            #expect(creator["username"] as? String == "olivia")
            #expect(Set(creator.keys) == ["id", "uuid", "url", "username"])
            #expect((image["tags"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["gis", "ubuntu"])
            let versions = try #require(image["versions"] as? [[String: Any]])
            #expect(versions.compactMap { $0["name"] as? String } == ["1.0", "1.1", "2.0"])
            #expect(versions.first?["id"] as? String == AtmosphereSeedFacts.version(image: 1, number: 1))
            for path in ["images/3", "images/999", "images/not-a-key"] {
                let hidden = try await harness.atmosphere(.GET, path)
                #expect(hidden.status == 404, "\(path)")
                #expect(hidden.body == AtmosphereSeedFacts.notFound)
            }
        }
    }

    @Test("hostile and non-ASCII names come back exactly, control characters JSON-escaped")
    func hostileNames() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("cora")
            let hostile = try await harness.atmosphere(.GET, "images/6", token: token)
            #expect(hostile.object["name"] as? String == "\u{1b}[31mred\u{07} alert\r\nimage")
            #expect(hostile.body.contains(#"\u001b[31mred\u0007 alert\r\nimage"#))
            let unicode = try await harness.atmosphere(.GET, "images/5", token: token)
            #expect(unicode.object["name"] as? String == "Ωmega Lab — データ解析 🧬")
        }
    }

    @Test("image versions: anonymous list, image_id and created_by filters, detail fields")
    func versions() async throws {
        try await SandboxHarness.with { harness in
            let all = try await harness.atmosphere(.GET, "image_versions")
            #expect(all.count == 7)
            let ofImage = try await harness.atmosphere(.GET, "image_versions?image_id=1")
            #expect(ofImage.resultNames == ["1.0", "1.1", "2.0"])
            let notANumber = try await harness.atmosphere(.GET, "image_versions?image_id=abc")
            #expect(notANumber.count == 0)
            let byOscar = try await harness.atmosphere(.GET, "image_versions?created_by=oscar")
            #expect(byOscar.resultNames == ["3.28", "3.34"])

            let uuid = AtmosphereSeedFacts.version(image: 1, number: 3)
            let detail = try await harness.atmosphere(.GET, "image_versions/" + uuid)
            #expect(detail.status == 200)
            let version = detail.object
            #expect(version["id"] as? String == uuid)
            #expect(version["url"] as? String == harness.urls.atmosphere + "/api/v2/image_versions/" + uuid)
            #expect(version["membership"] as? [String] == ["genomics-lab", "teaching-2026"])
            #expect((version["image"] as? [String: Any])?["id"] as? Int == 1)
            #expect((version["created_by"] as? [String: Any])?["username"] as? String == "olivia")
            #expect(version["start_date"] as? String == "2026-01-20T10:30:00Z")
            #expect(version["end_date"] is NSNull)
        }
    }

    @Test("a private version is 404 to strangers and visible to a group it is shared with")
    func versionVisibility() async throws {
        try await SandboxHarness.with { harness in
            let uuid = AtmosphereSeedFacts.version(image: 3, number: 1)
            let anonymous = try await harness.atmosphere(.GET, "image_versions/" + uuid)
            #expect(anonymous.status == 404)
            let oscar = try await harness.atmosphere(.GET, "image_versions/" + uuid, token: try await harness.atmosphereToken("oscar"))
            #expect(oscar.status == 404)
            let cora = try await harness.atmosphere(.GET, "image_versions/" + uuid, token: try await harness.atmosphereToken("cora"))
            #expect(cora.status == 200)
        }
    }

    @Test("groups need a token; a user lists only the groups they are in")
    func ownGroups() async throws {
        try await SandboxHarness.with { harness in
            let anonymous = try await harness.atmosphere(.GET, "groups")
            #expect(anonymous.status == 403)
            #expect(anonymous.body == AtmosphereSeedFacts.notAuthenticated)
            let token = try await harness.atmosphereToken("cora")
            let own = try await harness.atmosphere(.GET, "groups", token: token)
            #expect(own.resultNames == ["cora", "genomics-lab", "teaching-2026"])
            let lab = try await harness.atmosphere(.GET, "groups/11", token: token)
            #expect(lab.object["uuid"] as? String == "b8e1d2c3-0002-4b20-9c30-000000000011")
            #expect(lab.object["url"] as? String == harness.urls.atmosphere + "/api/v2/groups/b8e1d2c3-0002-4b20-9c30-000000000011")
            #expect((lab.object["users"] as? [[String: Any]])?.compactMap { $0["username"] as? String } == ["olivia", "cora", "carl"])
            #expect((lab.object["leaders"] as? [[String: Any]])?.compactMap { $0["username"] as? String } == ["olivia"])
            let byUUID = try await harness.atmosphere(.GET, "groups/" + AtmosphereSeedFacts.group("genomics-lab"), token: token)
            #expect(byUUID.body == lab.body)
        }
    }

    @Test("?search opens every group to a name-prefix search, lookups included")
    func groupSearch() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("cora")
            let hidden = try await harness.atmosphere(.GET, "groups/14", token: token)
            #expect(hidden.status == 404)
            #expect(hidden.body == AtmosphereSeedFacts.notFound)
            let searched = try await harness.atmosphere(.GET, "groups/14?search=clim", token: token)
            #expect(searched.status == 200)
            #expect(searched.object["name"] as? String == "climate-modeling")
            let prefix = try await harness.atmosphere(.GET, "groups?search=C", token: token)
            #expect(prefix.resultNames == ["cora", "carl", "climate-modeling"])
            let middle = try await harness.atmosphere(.GET, "groups?search=lab", token: token)
            #expect(middle.resultNames == [])
            let everything = try await harness.atmosphere(.GET, "groups?search=", token: token)
            #expect(everything.count == AtmosphereDirectory.groups.count)
        }
    }

    @Test("staff see every group only with ?admin, as in Atmosphere")
    func staffGroups() async throws {
        try await SandboxHarness.with { harness in
            let token = try await harness.atmosphereToken("admin")
            let own = try await harness.atmosphere(.GET, "groups", token: token)
            #expect(own.resultNames == ["admin", "iplant-staff"])
            let all = try await harness.atmosphere(.GET, "groups?admin=true", token: token)
            #expect(all.count == AtmosphereDirectory.groups.count)
            let asUser = try await harness.atmosphere(.GET, "groups?admin=true", token: try await harness.atmosphereToken("carl"))
            #expect(asUser.resultNames == ["carl", "genomics-lab", "climate-modeling"])
        }
    }

    @Test("the empty seed has the accounts and groups but no images or memberships")
    func emptySeed() async throws {
        try await SandboxHarness.with(seed: .empty) { harness in
            let token = try await harness.atmosphereToken("olivia")
            let groups = try await harness.atmosphere(.GET, "groups", token: token)
            #expect(groups.resultNames == ["olivia", "genomics-lab", "teaching-2026", "iplant-staff"])
            let images = try await harness.atmosphere(.GET, "images", token: token)
            #expect(images.count == 0)
            let memberships = try await harness.atmosphere(.GET, "image_version_memberships", token: token)
            #expect(memberships.count == 0)
        }
    }
}
