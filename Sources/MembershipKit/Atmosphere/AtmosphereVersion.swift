/// An image version, as `/api/v2/image_versions` gives it, inside an image's `versions`, or inside a
/// membership (where only `id` and `name` are sent). Its id is a UUID string: the seed document calls it
/// a number, which the real server contradicts.
public struct AtmosphereVersion: Sendable, Equatable, Codable, Hashable {
    public var id: String
    public var name: String
    public var image: AtmosphereImageSummary?
    public var createdBy: AtmosphereUser?
    /// The names of the groups the version is shared with.
    public var membership: [String]?
    public var startDate: String?
    public var endDate: String?

    public init(id: String, name: String, image: AtmosphereImageSummary? = nil) {
        self.id = id
        self.name = name
        self.image = image
    }

    /// `image name:version name`, the form `findVersion` takes; the bare version name when the image is
    /// not known.
    public var qualifiedName: String { image.map { $0.name + ":" + name } ?? name }

    enum CodingKeys: String, CodingKey {
        case id, name, image, membership
        case createdBy = "created_by"
        case startDate = "start_date"
        case endDate = "end_date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeLossyString(forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        image = try container.decodeIfPresent(AtmosphereImageSummary.self, forKey: .image)
        createdBy = try container.decodeIfPresent(AtmosphereUser.self, forKey: .createdBy)
        membership = container.contains(.membership) ? try container.decodeNames(forKey: .membership) : nil
        startDate = try container.decodeIfPresent(String.self, forKey: .startDate)
        endDate = try container.decodeIfPresent(String.self, forKey: .endDate)
    }
}
