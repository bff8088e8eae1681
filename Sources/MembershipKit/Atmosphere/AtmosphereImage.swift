/// An image (Atmosphere's "application") from `/api/v2/images`, with its versions. Unknown keys are
/// ignored; dates are kept as the server wrote them.
public struct AtmosphereImage: Sendable, Equatable, Codable, Hashable {
    public var id: Int
    public var uuid: String
    public var name: String
    public var createdBy: AtmosphereUser?
    public var description: String?
    public var isPublic: Bool?
    public var icon: String?
    public var startDate: String?
    public var endDate: String?
    /// Tag names.
    public var tags: [String]
    /// The versions, oldest first, each with `image` set to this image.
    public var versions: [AtmosphereVersion]

    public init(id: Int, uuid: String, name: String, createdBy: AtmosphereUser? = nil, versions: [AtmosphereVersion] = []) {
        self.id = id
        self.uuid = uuid
        self.name = name
        self.createdBy = createdBy
        self.tags = []
        self.versions = versions
    }

    /// The reference a version keeps to its image.
    public var summary: AtmosphereImageSummary { AtmosphereImageSummary(id: id, uuid: uuid, name: name) }

    enum CodingKeys: String, CodingKey {
        case id, uuid, name, description, icon, tags, versions
        case createdBy = "created_by"
        case isPublic = "is_public"
        case startDate = "start_date"
        case endDate = "end_date"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        uuid = try container.decode(String.self, forKey: .uuid)
        name = try container.decode(String.self, forKey: .name)
        createdBy = try container.decodeIfPresent(AtmosphereUser.self, forKey: .createdBy)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        isPublic = try container.decodeIfPresent(Bool.self, forKey: .isPublic)
        icon = try container.decodeIfPresent(String.self, forKey: .icon)
        startDate = try container.decodeIfPresent(String.self, forKey: .startDate)
        endDate = try container.decodeIfPresent(String.self, forKey: .endDate)
        tags = try container.decodeNames(forKey: .tags)
        let summary = AtmosphereImageSummary(id: id, uuid: uuid, name: name)
        versions = try (container.decodeIfPresent([AtmosphereVersion].self, forKey: .versions) ?? []).map { version in
            var version = version
            if version.image == nil { version.image = summary }
            return version
        }
    }
}

/// An image as a version refers to it: `{id, uuid, name}`.
public struct AtmosphereImageSummary: Sendable, Equatable, Codable, Hashable {
    public var id: Int
    public var uuid: String?
    public var name: String

    public init(id: Int, uuid: String? = nil, name: String) {
        self.id = id
        self.uuid = uuid
        self.name = name
    }
}
