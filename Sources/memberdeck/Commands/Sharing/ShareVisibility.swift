import MembershipKit

/// Glance refuses members on an image that is not `shared` (403). Rather than send a request
/// bound to fail, `members add` says so first, and with `--make-shared` changes it.
enum ShareVisibility {
    /// The image, made shared when `makeShared` asks for it; a refusal naming `--make-shared` otherwise.
    static func prepare(_ image: Image, glance: GlanceV2Client, makeShared: Bool) async throws -> Image {
        guard let visibility = image.visibility, visibility != "shared" else { return image }
        guard makeShared else {
            throw MembershipError.invalidInput(
                "image '\(image.name ?? image.id)' is \(visibility): only a shared image can have members; give --make-shared to make it shared first")
        }
        let changed = try await glance.setVisibility(imageID: image.id, to: "shared")
        Entry.printNote("image '\(changed.name ?? changed.id)' was \(visibility), now shared")
        return changed
    }
}
