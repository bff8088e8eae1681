import Foundation
import MembershipKit

/// One row of `memberdeck inbox`: a share, the credentials it is offered to, and names where known.
struct InboxRow {
    let entry: InboxEntry
    let ownerName: String?

    /// Tables say who and what by name (the id when no name is known); json, yaml and csv carry both.
    static let tableColumns = [
        Column(key: "cloud", heading: "Cloud"), Column(key: "region", heading: "Region"), Column(key: "project", heading: "Project"),
        Column(key: "image", heading: "Image"), Column(key: "owner", heading: "Owner"), Column(key: "status", heading: "Status"),
        Column(key: "age", heading: "Age"),
    ]

    static let fullColumns = [
        Column(key: "cloud", heading: "Cloud"), Column(key: "region", heading: "Region"), Column(key: "project_id", heading: "Project ID"),
        Column(key: "project_name", heading: "Project"), Column(key: "image_id", heading: "Image ID"), Column(key: "image_name", heading: "Image"),
        Column(key: "owner_id", heading: "Owner ID"), Column(key: "owner_name", heading: "Owner"), Column(key: "status", heading: "Status"),
        Column(key: "shared_at", heading: "Shared"), Column(key: "age", heading: "Age"),
    ]

    static func listing(_ rows: [InboxRow], format: OutputFormat, now: Date = Date()) -> Listing {
        let table = format == .table || format == .value
        return Listing(columns: table ? tableColumns : fullColumns, records: rows.map { $0.record(table: table, now: now) })
    }

    func record(table: Bool, now: Date) -> Record {
        let membership = entry.membership
        let age = membership.sharedAt.flatMap(Timestamp.parse).map { Timestamp.age(seconds: now.timeIntervalSince($0)) }
        if table {
            return Record([
                ("cloud", .string(entry.cloud.name)), ("region", FieldValue(entry.cloud.regionName)),
                ("project", .string(entry.projectName ?? entry.projectID)), ("image", .string(membership.image.name ?? membership.image.id)),
                ("owner", FieldValue(ownerName ?? membership.image.owner)), ("status", .string(membership.status)), ("age", FieldValue(age)),
            ])
        }
        return Record([
            ("cloud", .string(entry.cloud.name)), ("region", FieldValue(entry.cloud.regionName)),
            ("project_id", .string(entry.projectID)), ("project_name", FieldValue(entry.projectName)),
            ("image_id", .string(membership.image.id)), ("image_name", FieldValue(membership.image.name)),
            ("owner_id", FieldValue(membership.image.owner)), ("owner_name", FieldValue(ownerName)),
            ("status", .string(membership.status)), ("shared_at", FieldValue(membership.sharedAt)), ("age", FieldValue(age)),
        ])
    }
}
