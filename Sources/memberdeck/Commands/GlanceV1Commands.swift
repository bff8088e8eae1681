import ArgumentParser
import Foundation
import MembershipKit

/// The members verbs on a Glance v1 endpoint: members carry `can_share` instead of a status.
enum GlanceV1Commands {
    /// The project's name comes last, as on Glance v2, so `-f value` keeps its positions.
    static let memberColumns = [
        Column(key: "image_id", heading: "Image ID"), Column(key: "member_id", heading: "Member ID"), Column(key: "can_share", heading: "Can Share"),
        Column(key: "member_name", heading: "Member"),
    ]

    static func listing(_ imageID: String, _ members: [GlanceV1Member], names: [String: ProjectName] = [:]) -> Listing {
        Listing(columns: memberColumns, records: members.map {
            Record([("image_id", .string(imageID)), ("member_id", .string($0.memberID)), ("can_share", .bool($0.canShare)),
                    ("member_name", FieldValue(names[$0.memberID]?.name))])
        })
    }

    /// The members as v1 has them now, with the names some source knows.
    static func named(_ context: CommandContext, _ client: GlanceV1Client, _ imageID: String, _ members: [GlanceV1Member]) async -> Listing {
        listing(imageID, members, names: await context.projectNames(members.map(\.memberID), session: client.session))
    }

    static func list(_ context: CommandContext, _ endpoint: EndpointConfig, image: String) async throws {
        let client = try context.glanceV1(endpoint)
        let imageID = try await client.findImage(image).id
        context.emit(await named(context, client, imageID, try await client.members(imageID: imageID)))
    }

    /// Adds each member (or sets `can_share` on an existing one), then shows the list as it is now.
    static func add(_ context: CommandContext, _ endpoint: EndpointConfig, image: String, members: [String], asIDs: Bool, canShare: Bool?) async throws {
        let client = try context.glanceV1(endpoint)
        // Names resolve on the endpoint's Keystone, before Glance is touched.
        let memberIDs = try await context.projectIDs(members, asIDs: asIDs, session: client.session)
        let imageID = try await client.findImage(image).id
        let items = await BulkRun.run(memberIDs, label: { "\(imageID) \($0)" }) { member in
            try await client.addMember(imageID: imageID, memberID: member, canShare: canShare)
            return member
        }
        let current = try await client.members(imageID: imageID)
        let names = await context.projectNames(current.map(\.memberID), session: client.session)
        try BulkRun.report(items, context: context) { added in listing(imageID, current.filter { added.contains($0.memberID) }, names: names) }
    }

    static func remove(_ context: CommandContext, _ endpoint: EndpointConfig, image: String, members: [String], asIDs: Bool) async throws {
        let client = try context.glanceV1(endpoint)
        let memberIDs = try await context.projectIDs(members, asIDs: asIDs, session: client.session)
        let imageID = try await client.findImage(image).id
        let items = await BulkRun.run(memberIDs, label: { "\(imageID) \($0)" }) { member in
            try await client.removeMember(imageID: imageID, memberID: member)
            return member
        }
        try BulkRun.report(items, context: context) { removed in
            Listing(columns: [Column(key: "image_id", heading: "Image ID"), Column(key: "member_id", heading: "Member ID"), Column(key: "result", heading: "Result")],
                    records: removed.map { Record([("image_id", .string(imageID)), ("member_id", .string($0)), ("result", .string("removed"))]) })
        }
    }

    /// `MEMBER` or `MEMBER:share` (can_share true); `MEMBER:noshare` spells false.
    static func parseMember(_ text: String) throws -> GlanceV1Member {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let id = parts.first, !id.isEmpty else { throw CommandLineMistake("'\(text)' names no member: give MEMBER or MEMBER:share") }
        guard parts.count == 2 else { return GlanceV1Member(memberID: id, canShare: false) }
        switch parts[1] {
        case "share": return GlanceV1Member(memberID: id, canShare: true)
        case "noshare": return GlanceV1Member(memberID: id, canShare: false)
        default: throw CommandLineMistake("'\(text)': after the colon write share or noshare, not '\(parts[1])'")
        }
    }

    static func replace(_ context: CommandContext, _ endpoint: EndpointConfig, image: String, members: [GlanceV1Member]) async throws {
        let client = try context.glanceV1(endpoint)
        let imageID = try await client.findImage(image).id
        try await client.replaceMembers(imageID: imageID, with: members)
        context.emit(await named(context, client, imageID, try await client.members(imageID: imageID)))
    }
}

/// `memberdeck shared-images MEMBER`: the images shared with a member (Glance v1).
struct SharedImagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared-images",
        abstract: "List the images shared with a member (project) on a Glance v1 endpoint, with can_share.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Member (project) id.", valueName: "member")) var member: String

    func run() async throws {
        let context = CommandContext(options: global)
        let endpoint = try context.requireEndpoint([.glanceV1], for: "shared-images")
        let shared = try await context.glanceV1(endpoint).sharedImages(memberID: member)
        context.emit(Listing(columns: [Column(key: "image_id", heading: "Image ID"), Column(key: "member_id", heading: "Member ID"), Column(key: "can_share", heading: "Can Share")],
                             records: shared.map { Record([("image_id", .string($0.imageID)), ("member_id", .string(member)), ("can_share", .bool($0.canShare))]) }))
    }
}
