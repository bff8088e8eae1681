/// An image from `/v2/images`, with the API's field names. Unknown properties are not kept.
public struct Image: Sendable, Equatable, Codable, Hashable {
    public var id: String
    public var name: String?
    public var status: String?
    public var visibility: String?
    public var owner: String?
    public var size: Int64?
    public var diskFormat: String?
    public var containerFormat: String?
    public var checksum: String?
    /// The secure hash (`sha512`) and its value, beside the MD5 `checksum`.
    public var osHashAlgo: String?
    public var osHashValue: String?
    public var protected: Bool?
    public var tags: [String]?
    public var minDisk: Int?
    public var minRAM: Int?
    public var createdAt: String?
    public var updatedAt: String?

    public init(id: String, name: String? = nil, status: String? = nil, visibility: String? = nil, owner: String? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.visibility = visibility
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status, visibility, owner, size, checksum, protected, tags
        case diskFormat = "disk_format"
        case containerFormat = "container_format"
        case minDisk = "min_disk"
        case minRAM = "min_ram"
        case osHashAlgo = "os_hash_algo"
        case osHashValue = "os_hash_value"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
