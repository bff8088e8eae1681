import ArgumentParser
import MembershipKit

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Share images with projects and accept, reject or reset shares.",
        discussion: """
        IMAGE is an image id or a unique name; names also find images shared with you that are still pending or rejected.
        On a glance-v1 endpoint (--endpoint NAME) members have can_share instead of a status: list, add [--can-share],
        remove and replace apply there.
        """,
        subcommands: [List.self, Show.self, Add.self, Remove.self, Replace.self, Accept.self, Reject.self, Pending.self, SharedWithCommand.self, SweepCommand.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members of an image (the owner sees all, a member its own row).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Image id or name.", valueName: "image")) var image: String

        func run() async throws {
            let context = CommandContext(options: global)
            if let endpoint = try context.endpoint(ofKind: .glanceV1) {
                return try await GlanceV1Commands.list(context, endpoint, image: image)
            }
            let glance = try await context.glance()
            let members = try await glance.withImageID(image) { try await glance.members(imageID: $0) }
            let names = await context.projectNames(members.map(\.memberID), session: glance.session)
            context.emit(Presentations.members(members, names: names))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one member of an image.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Image id or name.", valueName: "image")) var image: String
        @Argument(help: ArgumentHelp("Member: a project name (name or name@domain) or id.", valueName: "member")) var member: String
        @Flag(name: .customLong("id"), help: "Take the member as an id, as given (no name lookup).") var asID = false

        func validate() throws { try MemberIDCheck.validate(member) }

        func run() async throws {
            let context = CommandContext(options: global)
            let glance = try await context.glance()
            let memberID = try await context.projectIDs([member], asIDs: asID, session: glance.session)[0]
            let row = try await glance.withImageID(image) { try await glance.member(imageID: $0, memberID: memberID) }
            let names = await context.projectNames([row.memberID], session: glance.session)
            context.emit(Presentations.members([row], names: names, single: true))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Share an image with one or more projects (each starts as pending; --accept also accepts; on glance-v1, sets can_share with --can-share).",
            discussion: """
            --accept accepts each share with the consumer's credentials: a cloud of clouds.yaml scoped to that project
            (same Keystone), or your own user re-scoped to it where it has a role there. If that accept fails, the share
            is removed again unless --keep-pending. Only an image whose visibility is 'shared' can have members:
            --make-shared changes a private (or public, community) image first.
            """)
        @OptionGroup var batch: MemberBatch
        @Flag(name: .customLong("can-share"), inversion: .prefixedNo, help: "Glance v1: let the members share the image further (--no-can-share takes it back).")
        var canShare: Bool?
        @Flag(help: "Also accept each share, with the consumer project's own credentials (the output says whose).") var accept = false
        @Flag(name: .customLong("keep-pending"), help: "With --accept: when accepting fails, leave the share pending instead of removing it.")
        var keepPending = false
        @Flag(name: .customLong("make-shared"), help: "Make the image shared first when it is private, public or community.") var makeShared = false

        func validate() throws {
            if keepPending, !accept { throw ValidationError("--keep-pending goes with --accept") }
        }

        func run() async throws {
            let context = CommandContext(options: batch.global)
            if let endpoint = try context.endpoint(ofKind: .glanceV1) {
                if accept || makeShared { throw CommandLineMistake("--accept and --make-shared are for Glance v2: glance-v1 members have no status") }
                return try await GlanceV1Commands.add(context, endpoint, image: batch.image, members: batch.members, asIDs: batch.asIDs, canShare: canShare)
            }
            if canShare != nil { throw CommandLineMistake("--can-share is for glance-v1 endpoints: Glance v2 members have a status instead") }
            let glance = try await context.glance()
            let memberIDs = try await batch.memberIDs(context, glance)
            var handshake: Handshake?
            if accept {
                let names = await context.projectNames(memberIDs, session: glance.session)
                let consumers = try await Handshake.consumers(for: memberIDs, names: names, context: context, home: glance.session)
                let paging = try context.paging
                handshake = Handshake(owner: glance, consumers: consumers, consumerClient: { GlanceV2Client(session: try context.session(for: $0.cloud), paging: paging) },
                                      keepPending: keepPending)
            }
            let image = try await ShareVisibility.prepare(try await glance.findImage(batch.image), glance: glance, makeShared: makeShared)
            if let handshake {
                try await batch.run(context, glance, imageID: image.id, memberIDs: memberIDs) { imageID, member in
                    try await handshake.run(imageID: imageID, memberID: member)
                } ids: { $0.map(\.member.memberID) } listing: { done, _, names in
                    var listing = Presentations.members(done.map(\.member), names: names)
                    listing.columns.append(Column(key: "accepted_by", heading: "Accepted By"))
                    for (index, outcome) in done.enumerated() { listing.records[index].fields.append(("accepted_by", .string(outcome.acceptedBy))) }
                    return listing
                }
            } else {
                try await batch.run(context, glance, imageID: image.id, memberIDs: memberIDs) { imageID, member in
                    try await glance.addMember(imageID: imageID, memberID: member)
                } ids: { $0.map(\.memberID) } listing: { added, _, names in
                    Presentations.members(added, names: names)
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop sharing an image with one or more projects.")
        @OptionGroup var batch: MemberBatch

        func run() async throws {
            let context = CommandContext(options: batch.global)
            if let endpoint = try context.endpoint(ofKind: .glanceV1) {
                return try await GlanceV1Commands.remove(context, endpoint, image: batch.image, members: batch.members, asIDs: batch.asIDs)
            }
            let glance = try await context.glance()
            let memberIDs = try await batch.memberIDs(context, glance)
            let imageID = try await glance.findImage(batch.image).id
            try await batch.run(context, glance, imageID: imageID, memberIDs: memberIDs) { imageID, member in
                try await glance.removeMember(imageID: imageID, memberID: member)
                return member
            } ids: { $0 } listing: { removed, imageID, names in
                Listing(
                    columns: [Column(key: "image_id", heading: "Image ID"), Column(key: "member_id", heading: "Member ID"), Column(key: "result", heading: "Result"),
                              Column(key: "member_name", heading: "Member")],
                    records: removed.map {
                        Record([("image_id", .string(imageID)), ("member_id", .string($0)), ("result", .string("removed")), ("member_name", FieldValue(names[$0]?.name))])
                    }
                )
            }
        }
    }

    struct Replace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replace", 
            abstract: "Glance v1: replace the whole member list (MEMBER or MEMBER:share); refused if the list changed since it was read.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Image id or name.", valueName: "image")) var image: String
        @Argument(help: ArgumentHelp("The new list: project ids, each optionally :share (can_share true).", valueName: "member[:share]"))
        var members: [String] = []

        func run() async throws {
            let context = CommandContext(options: global)
            let endpoint = try context.requireEndpoint([.glanceV1], for: "members replace")
            try await GlanceV1Commands.replace(context, endpoint, image: image, members: try members.map(GlanceV1Commands.parseMember))
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept images shared with a project (default: the token's project).")
        @OptionGroup var status: StatusChange
        func run() async throws { try await status.apply(.accepted) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject images shared with a project (default: the token's project).")
        @OptionGroup var status: StatusChange
        func run() async throws { try await status.apply(.rejected) }
    }

    struct Pending: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pending", abstract: "Reset shares to pending (default member: the token's project).")
        @OptionGroup var status: StatusChange
        func run() async throws { try await status.apply(.pending) }
    }

}

/// The arguments of add and remove: one image, several members, each reported.
struct MemberBatch: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Image id or name.", valueName: "image")) var image: String
    @Argument(help: ArgumentHelp("Projects: names (name or name@domain) or ids.", valueName: "member")) var members: [String]
    @Flag(name: .customLong("id"), help: "Take every member as an id, as given (no name lookup; Glance stores any text).") var asIDs = false

    func validate() throws {
        if members.isEmpty { throw ValidationError("give at least one member (a project name or id)") }
        try members.forEach(MemberIDCheck.validate)
    }

    /// The members' project ids: a name nobody knows stops the command before Glance is touched.
    func memberIDs(_ context: CommandContext, _ glance: GlanceV2Client) async throws -> [String] {
        try await context.projectIDs(members, asIDs: asIDs, session: glance.session)
    }

    /// `operation` for each member, a few at a time; each failure is one line, the successes one listing.
    func run<Output: Sendable>(_ context: CommandContext, _ glance: GlanceV2Client, imageID: String, memberIDs: [String],
                               _ operation: @escaping @Sendable (String, String) async throws -> Output,
                               ids: ([Output]) -> [String], listing: ([Output], String, [String: ProjectName]) -> Listing) async throws {
        let items = await BulkRun.run(memberIDs, label: { "\(imageID) \($0)" }) { try await operation(imageID, $0) }
        let done = items.compactMap { try? $0.result.get() }
        let names = await context.projectNames(ids(done), session: glance.session)
        try BulkRun.report(items, context: context) { listing($0, imageID, names) }
    }
}

/// The arguments of accept, reject and pending.
struct StatusChange: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Image ids or names.", valueName: "image")) var images: [String]
    @Option(help: ArgumentHelp("Member whose share changes: a project name or id (default: the token's project).", valueName: "project"))
    var member: String?
    @Flag(name: .customLong("id"), help: "Take --member as an id, as given (no name lookup).") var asID = false

    func validate() throws {
        if images.isEmpty { throw ValidationError("give at least one image") }
        if let member { try MemberIDCheck.validate(member) }
    }

    func apply(_ status: MemberStatus) async throws {
        let context = CommandContext(options: global)
        let glance = try await context.glance()
        let memberID: String
        if let member {
            memberID = try await context.projectIDs([member], asIDs: asID, session: glance.session)[0]
        } else if let project = try await glance.session.validToken().project?.id {
            memberID = project
        } else {
            throw MembershipError.configuration(.missingValue(key: "--member", detail: "the token is not scoped to a project; give --member"))
        }
        let items = await BulkRun.run(images, label: { $0 }) { reference in
            try await glance.withImageID(reference) { try await glance.updateMember(imageID: $0, memberID: memberID, status: status) }
        }
        let names = await context.projectNames([memberID], session: glance.session)
        try BulkRun.report(items, context: context) { Presentations.members($0, names: names) }
    }
}

/// Ids that could only ever name another path (`.`, `..`, empty) are refused as the command line is
/// read, before any request: the SDK refuses them too, this says so with exit 2.
enum MemberIDCheck {
    static func validate(_ member: String) throws {
        do { _ = try QueryEncoding.pathSegment(member, what: "a member id") } catch let error as MembershipError {
            throw ValidationError(error.description)
        }
    }
}
