/// An image from `/v1/images/detail` (or `/v1/images`, which sends only id, name, formats, size and
/// checksum), with the API's field names. Custom properties are not kept.
public struct GlanceV1Image: Sendable, Equatable, Codable, Hashable {
    public var id: String
    public var name: String?
    public var status: String?
    /// v1's whole notion of visibility: public, or not (then seen by its owner and members only).
    public var isPublic: Bool?
    public var owner: String?
    public var size: Int64?
    public var diskFormat: String?
    public var containerFormat: String?
    public var checksum: String?
    public var protected: Bool?
    public var minDisk: Int?
    public var minRAM: Int?
    /// As v1 sends it: `2026-09-01T08:00:00.000000`, without a zone (UTC).
    public var createdAt: String?
    public var updatedAt: String?

    public init(id: String, name: String? = nil, status: String? = nil, isPublic: Bool? = nil, owner: String? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.isPublic = isPublic
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, owner, size, checksum, protected
        case isPublic = "is_public"
        case diskFormat = "disk_format"
        case containerFormat = "container_format"
        case minDisk = "min_disk"
        case minRAM = "min_ram"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
