import ArgumentParser
import MembershipKit

/// `members shared-with PROJECT`: every image (mine as an owner, all as an admin) that has PROJECT
/// as a member. Glance has no such query; this asks each shared image for that one member.
struct SharedWithCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared-with",
        abstract: "List the images shared with a project, with its status (your project's images; every shared image for an admin).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The project: a name (name or name@domain) or id.", valueName: "project")) var project: String
    @Flag(name: .customLong("id"), help: "Take the project as an id, as given (no name lookup).") var asID = false
    @Option(help: ArgumentHelp("pending, accepted, rejected or all (default).", valueName: "status")) var status: StatusFilter = .all

    func validate() throws { try MemberIDCheck.validate(project) }

    static let columns = [
        Column(key: "image_id", heading: "Image ID"), Column(key: "image_name", heading: "Image"), Column(key: "owner_name", heading: "Owner"),
        Column(key: "member_id", heading: "Member ID"), Column(key: "status", heading: "Status"), Column(key: "created_at", heading: "Created"),
        Column(key: "updated_at", heading: "Updated"), Column(key: "member_name", heading: "Member"),
    ]

    func run() async throws {
        let context = CommandContext(options: global)
        let glance = try await context.glance()
        let memberID = try await context.projectIDs([project], asIDs: asID, session: glance.session)[0]
        let (myProject, isAdmin) = try await glance.session.projectScope(for: "shared-with reads your project's images")
        let images = try await glance.managedImages(projectID: myProject.id, isAdmin: isAdmin)
        let found = try await glance.images(images, sharedWith: memberID).filter { status.admits($0.member.status) }
        let names = await context.projectNames(Array(Set(found.compactMap(\.image.owner) + [memberID])), session: glance.session)
        context.emit(Listing(columns: Self.columns, records: found.map { image, member in
            Record([
                ("image_id", .string(image.id)), ("image_name", FieldValue(image.name)), ("owner_id", FieldValue(image.owner)),
                ("owner_name", FieldValue(image.owner.flatMap { names[$0]?.name } ?? image.owner)),
                ("member_id", .string(member.memberID)), ("status", .string(member.status)), ("created_at", FieldValue(member.createdAt)),
                ("updated_at", FieldValue(member.updatedAt)), ("member_name", FieldValue(names[member.memberID]?.name)),
            ])
        }))
    }
}
