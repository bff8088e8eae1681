import Console
import MembershipKit

/// `i` on an Atmosphere row: the image, the version or the membership, read again.
extension AtmosphereAdapter {
    func describe(_ row: RecordRow) async throws -> [RecordField] {
        switch row.ref.as(AtmosphereSystem.Ref.self) {
        case let .image(id)?: return RecordFields.of(try await client.image(id: String(id)))
        case let .version(id, _)?: return RecordFields.of(try await client.version(id: id))
        case let .membership(id)? where id > 0: return RecordFields.of(try await client.membership(id: id))
        case .membership?, .groupsFor?, nil: return []
        }
    }
}
