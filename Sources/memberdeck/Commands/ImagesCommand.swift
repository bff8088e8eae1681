import ArgumentParser
import MembershipKit

struct ImagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "images",
        abstract: "List and show images.",
        subcommands: [List.self, Show.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the images the project can see, following every page.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("public, private, shared, community or all (default: the server's).", valueName: "visibility"))
        var visibility: String?

        @Option(name: .customLong("member-status"), help: ArgumentHelp("Shares to include: accepted (server default), pending, rejected or all.", valueName: "status"))
        var memberStatus: String?

        @Option(help: ArgumentHelp("Only images owned by this project id.", valueName: "project"))
        var owner: String?

        @Option(help: ArgumentHelp("Only images with exactly this name.", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Sort keys, e.g. name:asc,created_at:desc.", valueName: "keys"))
        var sort: String?

        @Option(help: ArgumentHelp("Stop after this many images (default: all).", valueName: "n"))
        var limit: Int?

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be a positive number, got \(limit)") }
        }

        func run() async throws {
            let context = CommandContext(options: global)
            let glance = try await context.glance()
            let images = try await glance.listImages(
                ImageQuery(visibility: visibility, memberStatus: memberStatus, owner: owner, name: name, sort: sort, pageSize: 500, limit: limit)
            )
            let names = await context.projectNames(Array(Set(images.compactMap(\.owner))), session: glance.session)
            context.emit(Presentations.images(images, names: names, format: global.format))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one image, by id or unique name.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Image id or name.", valueName: "image"))
        var image: String

        func run() async throws {
            let context = CommandContext(options: global)
            let glance = try await context.glance()
            let found = try await glance.findImage(image)
            let names = await context.projectNames(found.owner.map { [$0] } ?? [], session: glance.session)
            context.emit(Presentations.image(found, names: names))
        }
    }
}
