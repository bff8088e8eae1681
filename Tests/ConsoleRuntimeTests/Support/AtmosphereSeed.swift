import Sandbox

/// What the sandbox's Atmosphere demo catalogue (`AtmosphereDemoCatalog`) holds, as the tests ask it.
enum AtmosphereSeed {
    static func image(_ name: String) -> AtmosphereDemoCatalog.Image { AtmosphereDemoCatalog.images.first { $0.name == name }! }

    /// The row key of version `number` (1-based) of the image called `image`.
    static func versionKey(_ image: String, _ number: Int) -> String { "version:" + self.image(image).versions[number - 1].uuid }

    static func group(_ name: String) -> AtmosphereDirectory.Group { AtmosphereDirectory.group(named: name)! }

    /// The ids of the memberships of `owner`'s versions with the version's full name (`image:version`),
    /// numbered as the seed numbers them (1, 2, … in catalogue order).
    static func memberships(of owner: String) -> [(id: Int, version: String, group: String)] {
        var id = 0
        var owned: [(Int, String, String)] = []
        for image in AtmosphereDemoCatalog.images {
            for version in image.versions {
                for group in version.sharedWith {
                    id += 1
                    if image.createdBy == owner { owned.append((id, "\(image.name):\(version.name)", group)) }
                }
            }
        }
        return owned
    }
}
