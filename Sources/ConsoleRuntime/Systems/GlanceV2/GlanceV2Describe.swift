import Console
import MembershipKit

/// `i` on a Glance v2 row: the image (and my share of it, in the inbox) or the member, read again.
extension GlanceV2Adapter {
    func describe(_ row: RecordRow) async throws -> [RecordField] {
        switch row.ref.as(GlanceV2Rows.Ref.self) {
        case let .image(id)?:
            return RecordFields.of(try await glance.image(id: id))
        case let .share(imageID)?:
            async let image = glance.image(id: imageID)
            async let share = glance.member(imageID: imageID, memberID: viewer.projectID)
            return RecordFields.of(try await image) + RecordFields.of(try await share, prefix: "my_share")
        case let .member(imageID, memberID)?:
            return RecordFields.of(try await glance.member(imageID: imageID, memberID: memberID))
        case nil:
            return []
        }
    }
}
