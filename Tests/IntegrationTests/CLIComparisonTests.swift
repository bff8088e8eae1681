import Foundation
import MembershipKit
import Testing

/// memberdeck's json output compared field by field with `openstack … -f json` on the same data.
@Suite("CLI read operations match openstackclient", .enabled(if: ReferenceStack.shouldRun))
struct CLIComparisonTests {
    let cli = CLI()

    /// Shares a new image with member (accepted) and stranger (pending), runs `body`, deletes the image.
    func withSharedImage(_ stem: String, _ body: (Image, String, String) async throws -> Void) async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        try await TestImages(owner: owner).with(name: TestImages.uniqueName(stem)) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            _ = try await owner.addMember(imageID: image.id, memberID: strangerProject)
            _ = try await member.updateMember(imageID: image.id, memberID: memberProject, status: .accepted)
            try await body(image, memberProject, strangerProject)
        }
    }

    func objects(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        #expect(result.status == 0, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        if let list = try result.json() as? [[String: Any]] { return list }
        if let object = try result.json() as? [String: Any] { return [object] }
        Issue.record("not a JSON object or list: \(result.stdout)", sourceLocation: sourceLocation)
        return []
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let string as String: return string
        case let number as NSNumber: return number.stringValue
        case let list as [Any]: return list.map { text($0) }.sorted().joined(separator: ",")
        default: return String(describing: value!)
        }
    }

    @Test("members list: as the owner (all rows) and as a member (own row)")
    func membersList() async throws {
        try await withSharedImage("cmp-list") { image, _, _ in
            for cloud in ["owner", "member"] {
                let ours = try objects(try await cli.memberdeck("--os-cloud", cloud, "members", "list", image.id, "-f", "json"))
                let theirs = try objects(try await cli.openstack("--os-cloud", cloud, "image", "member", "list", image.id, "-f", "json"))
                func rows(_ list: [[String: Any]], _ keys: [String]) -> Set<[String]> {
                    Set(list.map { item in keys.map { Self.text(item[$0]) } })
                }
                #expect(!ours.isEmpty)
                #expect(rows(ours, ["image_id", "member_id", "status"]) == rows(theirs, ["Image ID", "Member ID", "Status"]), "cloud \(cloud)")
            }
        }
    }

    @Test("members show matches openstack image member get")
    func memberShow() async throws {
        try await withSharedImage("cmp-show") { image, memberProject, _ in
            let ours = try objects(try await cli.memberdeck("--os-cloud", "owner", "members", "show", image.id, memberProject, "-f", "json"))
            let theirs = try objects(try await cli.openstack("--os-cloud", "owner", "image", "member", "get", image.id, memberProject, "-f", "json"))
            #expect(ours.count == 1 && theirs.count == 1)
            for key in ["image_id", "member_id", "status", "created_at", "updated_at"] {
                #expect(Self.text(ours.first?[key]) == Self.text(theirs.first?[key]), "field \(key)")
                let value = Self.text(ours.first?[key])
                #expect(value != "", "field \(key)")
            }
        }
    }

    @Test("images list matches openstack image list --long")
    func imagesList() async throws {
        try await withSharedImage("cmp-images") { image, _, _ in
            let name = image.name ?? ""
            let ours = try objects(try await cli.memberdeck("--os-cloud", "owner", "images", "list", "--name", name, "-f", "json"))
            let theirs = try objects(try await cli.openstack("--os-cloud", "owner", "image", "list", "--name", name, "--long", "-f", "json"))
            #expect(ours.count == 1 && theirs.count == 1)
            let pairs = [("id", "ID"), ("name", "Name"), ("status", "Status"), ("visibility", "Visibility"), ("owner", "Project"),
                         ("disk_format", "Disk Format"), ("container_format", "Container Format"), ("size", "Size"),
                         ("checksum", "Checksum"), ("protected", "Protected"), ("tags", "Tags")]
            for (mine, openstack) in pairs {
                #expect(Self.text(ours.first?[mine]) == Self.text(theirs.first?[openstack]), "field \(mine)")
            }
        }
    }

    @Test("images show matches openstack image show, also for a member whose share is pending")
    func imageShow() async throws {
        try await withSharedImage("cmp-imgshow") { image, _, _ in
            for cloud in ["owner", "stranger"] {
                let ours = try objects(try await cli.memberdeck("--os-cloud", cloud, "images", "show", image.id, "-f", "json"))
                let theirs = try objects(try await cli.openstack("--os-cloud", cloud, "image", "show", image.id, "-f", "json"))
                for key in ["id", "name", "status", "visibility", "owner", "disk_format", "container_format", "size", "checksum",
                            "protected", "min_disk", "min_ram", "tags", "created_at", "updated_at"] {
                    #expect(Self.text(ours.first?[key]) == Self.text(theirs.first?[key]), "cloud \(cloud) field \(key)")
                }
            }
        }
    }
}
