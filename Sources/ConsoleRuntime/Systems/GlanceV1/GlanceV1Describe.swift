import Console
import MembershipKit

/// `i` on a Glance v1 row: the image, read again; a member's record is the row (v1 has no
/// single-member read beyond the list, which the row already shows).
extension GlanceV1Adapter {
    func describe(_ row: RecordRow) async throws -> [RecordField] {
        switch row.ref.as(GlanceV1System.Ref.self) {
        case let .image(id)?, let .shared(id)?:
            return RecordFields.of(try await client.findImage(id))
        case let .member(imageID, memberID, _)?:
            guard let member = try await client.members(imageID: imageID).first(where: { $0.memberID == memberID }) else {
                throw MembershipError.notFound("member \(memberID) of image \(imageID)")
            }
            return [RecordField("image_id", imageID)] + RecordFields.of(member)
        case nil:
            return []
        }
    }
}
