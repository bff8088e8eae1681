import Console
@testable import ConsoleRuntime
import MembershipKit
import Sandbox
import Testing

/// `i`: each system reads a row's whole record again, field by field, under the API's names.
@Suite("Describe a row")
struct DescribeTests {
    static func value(_ fields: [RecordField], _ label: String) -> String? { fields.first { $0.label == label }?.value }

    @Test("field names are the API's (snake case), nested records are dotted, lists joined; absent values left out")
    func fieldsByReflection() {
        struct Group { var name: String; var memberCount: Int? }
        struct Record { var imageID: String; var minRAM: Int; var osHashValue: String?; var tags: [String]; var group: Group; var status: MemberStatus }
        let record = Record(imageID: "i-1", minRAM: 512, osHashValue: nil, tags: ["a", "b"], group: Group(name: "g", memberCount: nil), status: .accepted)
        #expect(RecordFields.of(record) == [RecordField("image_id", "i-1"), RecordField("min_ram", "512"), RecordField("tags", "a, b"),
                                            RecordField("group.name", "g"), RecordField("status", "accepted")])
        #expect(RecordFields.of(record, prefix: "share").first == RecordField("share.image_id", "i-1"))
        #expect(["diskFormat", "createdAt", "minRAM", "imageID", "id", "URLValue", "os2Hash"].map(RecordFields.snakeCase)
                == ["disk_format", "created_at", "min_ram", "image_id", "id", "url_value", "os2_hash"])
        // A hostile list is shown in part, and says how much more there was.
        struct Many { var items: [Int] }
        let many = RecordFields.of(Many(items: Array(0..<1000)))
        #expect(many.count == 1 && many[0].value.hasSuffix(", … (950 more)"))
    }

    @Test("Glance v2: an image in full (owner, checksum, times), my share of it from the inbox, a member")
    func glanceV2() async throws {
        try await RuntimeSandbox.with { sandbox in
            let cora = try #require(try await GlanceV2System.connect(session: try sandbox.keystoneSession("cora"), cloudName: "s",
                                                                      isSandbox: true).adapter as? any RecordAdapter)
            let share = try #require(try await cora.load(.memberships, parent: nil).first { $0.key == GlanceV2AdapterTests.ubuntu })
            let fields = try await cora.describe(share)
            let image = try await GlanceV2Client(session: try sandbox.keystoneSession("cora")).image(id: share.key)
            #expect(Self.value(fields, "id") == image.id && Self.value(fields, "name") == GlanceV2AdapterTests.ubuntuName)
            #expect(Self.value(fields, "owner") == image.owner && image.owner?.count == 32)
            #expect(Self.value(fields, "created_at") == image.createdAt && Self.value(fields, "visibility") == "shared")
            if let checksum = image.checksum { #expect(Self.value(fields, "checksum") == checksum) }
            #expect(Self.value(fields, "my_share.member_id") == GlanceV2AdapterTests.analytics)
            #expect(Self.value(fields, "my_share.status") == share.cells[0])

            let olivia = try await GlanceV2AdapterTests.adapter(sandbox, "olivia")
            let ubuntu = try #require(try await olivia.load(.images, parent: nil).first { $0.key == GlanceV2AdapterTests.ubuntu })
            let member = try #require(try await olivia.detail(of: ubuntu).first)
            let memberFields = try await olivia.describe(member)
            #expect(Self.value(memberFields, "member_id") == member.key && Self.value(memberFields, "image_id") == ubuntu.key)
            #expect(Self.value(memberFields, "status") == member.cells[1])
        }
    }

    @Test("a record gone from the server fails the read (the overlay keeps the row's fields and says why)")
    func glanceV2Gone() async throws {
        try await RuntimeSandbox.with { sandbox in
            let olivia = try await GlanceV2AdapterTests.adapter(sandbox, "olivia")
            let ubuntu = try #require(try await olivia.load(.images, parent: nil).first { $0.key == GlanceV2AdapterTests.ubuntu })
            var gone = try #require(try await olivia.detail(of: ubuntu).first)
            gone.ref = RowRef(GlanceV2Rows.Ref.member(imageID: ubuntu.key, memberID: "no-such-project"))
            await #expect(throws: MembershipError.self) { try await olivia.describe(gone) }
        }
    }

    @Test("Glance v1, Atmosphere and Bonita describe their rows from a fresh read")
    func otherSystems() async throws {
        try await RuntimeSandbox.with { sandbox in
            let v1 = try await sandbox.records(sandbox.glanceV1Endpoint())
            let v1Image = try #require(try await v1.load(.images, parent: nil).first)
            let v1Fields = try await v1.describe(v1Image)
            #expect(Self.value(v1Fields, "id") == v1Image.cells[1] && Self.value(v1Fields, "is_public") != nil)

            let atmosphere = try await sandbox.records(sandbox.atmosphereEndpoint())
            let version = try #require(try await atmosphere.load(.images, parent: nil).first { $0.depth == 1 })
            let versionFields = try await atmosphere.describe(version)
            #expect(Self.value(versionFields, "id") == version.cells[1] && Self.value(versionFields, "name") == version.cells[0])

            let bonita = try await sandbox.records(sandbox.bonitaEndpoint("helen.kelly"))
            let user = try await BonitaAdapterTests.user("walter.bates", bonita)
            let userFields = try await bonita.describe(user)
            #expect(Self.value(userFields, "user_name") == user.label)
            let membership = try #require(try await bonita.detail(of: user).first)
            let membershipFields = try await bonita.describe(membership)
            #expect(Self.value(membershipFields, "user.user_name") == user.label && Self.value(membershipFields, "role.name") != nil)
        }
    }
}
