import Foundation
import Testing
@testable import MembershipKit

/// Decoding Glance's member and image objects (api-facts §1, §10.3).
@Suite("Image member decoding")
struct ImageMemberTests {
    @Test("a member object as Glance sends it")
    func decodeMember() throws {
        let json = """
            {"member_id":"2222aaaabbbbccccddddeeeeffff0000","image_id":"fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a","status":"pending",
             "created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:40:32Z","schema":"/v2/schemas/member"}
            """
        let member = try JSONDecoder().decode(ImageMember.self, from: Data(json.utf8))
        #expect(member == ImageMember(imageID: "fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a", memberID: "2222aaaabbbbccccddddeeeeffff0000",
                                      status: "pending", createdAt: "2026-11-22T15:40:32Z", updatedAt: "2026-11-22T15:40:32Z"))
        #expect(member.memberStatus == .pending)
    }

    @Test("a numeric member_id (after {\"member\": 123}) decodes as text")
    func numericMemberID() throws {
        let json = #"{"member_id":123,"image_id":"i","status":"pending","created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:40:32Z","schema":"/v2/schemas/member"}"#
        let member = try JSONDecoder().decode(ImageMember.self, from: Data(json.utf8))
        #expect(member.memberID == "123")
    }

    @Test("a members list decodes, in order")
    func decodeList() throws {
        struct List: Decodable { var members: [ImageMember] }
        let json = """
            {"members":[
              {"member_id":"a","image_id":"i","status":"accepted","created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:41:00Z","schema":"/v2/schemas/member"},
              {"member_id":"b","image_id":"i","status":"rejected","created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:42:00Z","schema":"/v2/schemas/member"}],
             "schema":"/v2/schemas/members"}
            """
        let list = try JSONDecoder().decode(List.self, from: Data(json.utf8))
        #expect(list.members.map(\.memberID) == ["a", "b"])
        #expect(list.members.map(\.memberStatus) == [.accepted, .rejected])
    }

    @Test("an unknown status is kept as text with no MemberStatus")
    func unknownStatus() throws {
        let member = try JSONDecoder().decode(ImageMember.self, from: Data(#"{"member_id":"m","image_id":"i","status":"Accepted"}"#.utf8))
        #expect(member.status == "Accepted")
        #expect(member.memberStatus == nil)
        #expect(member.createdAt == nil)
    }

    @Test("a member without image_id or status is an error")
    func missingFields() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ImageMember.self, from: Data(#"{"member_id":"m","status":"pending"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ImageMember.self, from: Data(#"{"member_id":"m","image_id":"i"}"#.utf8))
        }
    }

    @Test("encoding uses the API's field names and decodes back")
    func encodeRoundTrip() throws {
        let member = ImageMember(imageID: "i", memberID: "m", status: "accepted", createdAt: "2026-11-22T15:40:32Z")
        let data = try JSONEncoder().encode(member)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"member_id\""))
        #expect(text.contains("\"image_id\""))
        #expect(try JSONDecoder().decode(ImageMember.self, from: data) == member)
    }

    @Test("an image from /v2/images decodes its snake_case fields and ignores unknown properties")
    func decodeImage() throws {
        let json = """
            {"id":"fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a","name":"cirros","status":"active","visibility":"shared","owner":"p1",
             "size":16338944,"disk_format":"qcow2","container_format":"bare","checksum":"abc","protected":false,"tags":["x"],
             "min_disk":1,"min_ram":64,"created_at":"2026-11-22T15:40:32Z","updated_at":"2026-11-22T15:40:33Z",
             "os_hash_algo":"sha512","hw_disk_bus":"virtio","self":"/v2/images/fdf4","file":"/v2/images/fdf4/file","schema":"/v2/schemas/image"}
            """
        let image = try JSONDecoder().decode(Image.self, from: Data(json.utf8))
        #expect(image.id == "fdf47907-0c6e-4b4e-9b61-5d5b0b4f3e5a")
        #expect(image.visibility == "shared")
        #expect(image.size == 16_338_944)
        #expect(image.diskFormat == "qcow2")
        #expect(image.containerFormat == "bare")
        #expect(image.minDisk == 1)
        #expect(image.minRAM == 64)
        #expect(image.tags == ["x"])
    }
}
