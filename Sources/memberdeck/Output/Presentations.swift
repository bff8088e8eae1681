import MembershipKit

/// How images and members appear in command output: API field names, in this order.
enum Presentations {
    /// The project's name comes last, so `-f value` keeps the positions scripts already read.
    static let memberColumns = [
        Column(key: "image_id", heading: "Image ID"),
        Column(key: "member_id", heading: "Member ID"),
        Column(key: "status", heading: "Status"),
        Column(key: "created_at", heading: "Created"),
        Column(key: "updated_at", heading: "Updated"),
        Column(key: "member_name", heading: "Member"),
    ]

    /// The API's fields, and `member_name` (null when no source knows the project).
    static func record(_ member: ImageMember, names: [String: ProjectName] = [:]) -> Record {
        Record([
            ("image_id", .string(member.imageID)),
            ("member_id", .string(member.memberID)),
            ("status", .string(member.status)),
            ("created_at", FieldValue(member.createdAt)),
            ("updated_at", FieldValue(member.updatedAt)),
            ("member_name", FieldValue(names[member.memberID]?.name)),
        ])
    }

    static func members(_ members: [ImageMember], names: [String: ProjectName] = [:], single: Bool = false) -> Listing {
        Listing(columns: memberColumns, records: members.map { record($0, names: names) }, single: single)
    }

    static let imageListColumns = [
        Column(key: "id", heading: "ID"),
        Column(key: "name", heading: "Name"),
        Column(key: "status", heading: "Status"),
        Column(key: "visibility", heading: "Visibility"),
        Column(key: "owner", heading: "Owner"),
        Column(key: "owner_name", heading: "Owner Name"),
    ]

    static let imageDetailColumns = imageListColumns + [
        Column(key: "disk_format", heading: "Disk Format"),
        Column(key: "container_format", heading: "Container Format"),
        Column(key: "size", heading: "Size"),
        Column(key: "checksum", heading: "Checksum"),
        Column(key: "protected", heading: "Protected"),
        Column(key: "min_disk", heading: "Min Disk"),
        Column(key: "min_ram", heading: "Min RAM"),
        Column(key: "tags", heading: "Tags"),
        Column(key: "created_at", heading: "Created"),
        Column(key: "updated_at", heading: "Updated"),
    ]

    /// The API's fields, and `owner_name` (null when no source knows the project).
    static func record(_ image: Image, names: [String: ProjectName] = [:]) -> Record {
        Record([
            ("id", .string(image.id)),
            ("name", FieldValue(image.name)),
            ("status", FieldValue(image.status)),
            ("visibility", FieldValue(image.visibility)),
            ("owner", FieldValue(image.owner)),
            ("disk_format", FieldValue(image.diskFormat)),
            ("container_format", FieldValue(image.containerFormat)),
            ("size", FieldValue(image.size)),
            ("checksum", FieldValue(image.checksum)),
            ("protected", FieldValue(image.protected)),
            ("min_disk", FieldValue(image.minDisk)),
            ("min_ram", FieldValue(image.minRAM)),
            ("tags", FieldValue(image.tags)),
            ("created_at", FieldValue(image.createdAt)),
            ("updated_at", FieldValue(image.updatedAt)),
            ("owner_name", FieldValue(image.owner.flatMap { names[$0]?.name })),
        ])
    }

    /// Tables show the short list of columns; json, yaml and csv carry every field.
    static func images(_ images: [Image], names: [String: ProjectName] = [:], format: OutputFormat) -> Listing {
        let columns = format == .table || format == .value ? imageListColumns : imageDetailColumns
        return Listing(columns: columns, records: images.map { record($0, names: names) })
    }

    static func image(_ image: Image, names: [String: ProjectName] = [:]) -> Listing {
        Listing(columns: imageDetailColumns, records: [record(image, names: names)], single: true)
    }
}
