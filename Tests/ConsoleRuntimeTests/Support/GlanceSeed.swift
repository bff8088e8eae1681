@testable import Sandbox

/// What the sandbox's Glance demo seed (`GlanceDemoSeed`) holds, asked of the seed itself so the
/// expectations follow it rather than copies of it.
enum GlanceSeed {
    static func projectID(_ name: String) -> String { KeystoneDirectory.projectID(name) }

    /// The id the seed gives the image called `name`.
    static func imageID(_ name: String) -> String {
        GlanceDemoSeed.demoImageID(GlanceDemoSeed.images.firstIndex { $0.name == name }!)
    }

    /// Names of the images `project` owns.
    static func owned(by project: String) -> Set<String> {
        Set(GlanceDemoSeed.images.filter { $0.owner == project }.map(\.name))
    }

    /// The images shared with `project`, by name, with the status of its share.
    static func shared(with project: String) -> [String: String] {
        var shares: [String: String] = [:]
        for image in GlanceDemoSeed.images {
            if let share = image.shares.first(where: { $0.0 == project }) { shares[image.name] = share.1 }
        }
        return shares
    }

    /// The members of an image with their status, by project id.
    static func members(of name: String) -> [String: String] {
        let image = GlanceDemoSeed.images.first { $0.name == name }!
        return Dictionary(uniqueKeysWithValues: image.shares.map { (projectID($0.0), $0.1) })
    }

    /// Names of the images only their owner may see.
    static var privateImages: [(name: String, owner: String)] {
        GlanceDemoSeed.images.filter { $0.visibility == "private" }.map { ($0.name, $0.owner) }
    }
}
