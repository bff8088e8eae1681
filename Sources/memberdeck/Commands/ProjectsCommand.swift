import ArgumentParser
import Foundation
import MembershipKit

/// `memberdeck projects list|alias`: the project names memberdeck knows, and naming an id yourself.
struct ProjectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projects",
        abstract: "Project names: list the known ones and where each came from; name an id yourself.",
        discussion: """
        Names come from $XDG_CONFIG_HOME/memberdeck/projects.yaml (alias), Keystone (your projects; any project for an admin),
        the other clouds of clouds.yaml on the same Keystone, and a cache in $XDG_CACHE_HOME/memberdeck/project-names.json.
        """,
        subcommands: [List.self, Alias.self]
    )

    static let columns = [
        Column(key: "name", heading: "Name"), Column(key: "id", heading: "ID"), Column(key: "domain", heading: "Domain"),
        Column(key: "source", heading: "Source"), Column(key: "keystone", heading: "Keystone"),
    ]

    static func record(_ project: ProjectName, keystone: String) -> Record {
        Record([("name", .string(project.name)), ("id", .string(project.id)), ("domain", FieldValue(project.domain)),
                ("source", .string(project.source)), ("keystone", .string(keystone))])
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the projects memberdeck can name, with their ids and where each name came from.")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .customLong("all-clouds"), help: "Every Keystone of clouds.yaml, not only the selected cloud's (logs in to each once).")
        var allClouds = false

        func run() async throws {
            let context = CommandContext(options: global)
            var sessions: [OpenStackSession] = []
            if allClouds {
                // One session per Keystone: the first cloud that names it.
                var seen = Set<String>()
                for cloud in context.allClouds {
                    let keystone = ProjectAliasBook.normalise(authURL: cloud.auth.authURL ?? "")
                    guard cloud.authType != .none, !keystone.isEmpty, seen.insert(keystone).inserted else { continue }
                    sessions.append(try context.session(for: cloud))
                }
            } else {
                sessions = [try await context.identitySession()]
            }
            var records: [Record] = []
            for session in sessions {
                let directory = try context.projectDirectory(session)
                records += await directory.all().map { ProjectsCommand.record($0, keystone: directory.authURL) }
            }
            context.emit(Listing(columns: ProjectsCommand.columns, records: records))
        }
    }

    struct Alias: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "alias", 
            abstract: "Name a project id for this cloud's Keystone (kept in projects.yaml; --remove forgets it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The project id.", valueName: "id")) var id: String
        @Argument(help: ArgumentHelp("The name to show and to share by.", valueName: "name")) var name: String?
        @Flag(help: "Forget the name given to ID.") var remove = false

        func validate() throws {
            if id.isEmpty { throw ValidationError("give the project id to name") }
            if remove, name != nil { throw ValidationError("--remove takes only the id") }
            if !remove {
                guard let name else { throw ValidationError("give the name for \(id) (or --remove)") }
                guard let parsed = try? ProjectReference.parse(name) else {
                    throw ValidationError("'\(name)' cannot be a project name: no control characters, no spaces at either end, at most \(ProjectReference.maxNameLength) characters")
                }
                guard case let .name(_, domain) = parsed, domain == nil else {
                    throw ValidationError("'\(name)' looks like an id or name@domain: an alias must not, or sharing by it would be read otherwise")
                }
            }
        }

        func run() async throws {
            let context = CommandContext(options: global)
            let cloud = try await context.identitySession().cloud
            guard let authURL = cloud.auth.authURL, !authURL.isEmpty else {
                throw MembershipError.configuration(.missingValue(key: "auth_url", detail: "the cloud '\(cloud.name)' has no auth.auth_url"))
            }
            var book = try context.aliasBook()
            book.set(remove ? "" : name ?? "", for: id, authURL: authURL)
            try book.save()
            let keystone = ProjectAliasBook.normalise(authURL: authURL)
            let project = ProjectName(id: id, name: remove ? "" : name ?? "", source: ProjectName.Source.aliases)
            context.emit(Listing(columns: ProjectsCommand.columns, records: [ProjectsCommand.record(project, keystone: keystone)], single: true))
        }
    }
}

extension CommandContext {
    /// The Keystone session of the selected cloud or Keystone-backed endpoint.
    func identitySession() async throws -> OpenStackSession {
        if let endpoint = try selectedEndpoint(), endpoint.kind == .glanceV1 { return try session(for: try keystoneCloud(for: endpoint)) }
        return try await glance().session
    }
}
