import ArgumentParser
import MembershipKit

/// `memberdeck memberships list|add|remove` on Atmosphere and Bonita endpoints: the same verbs, with the
/// arguments each system's model needs (a version and a group; a user, a group and a role).
struct MembershipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memberships",
        abstract: "Atmosphere image version memberships and Bonita user memberships (with --endpoint NAME).",
        discussion: """
        Atmosphere: list [--version VERSION], add VERSION GROUP, remove ID or VERSION GROUP.
        Bonita: list --user USER [--order ROLE_NAME_ASC|ROLE_NAME_DESC|GROUP_NAME_ASC|GROUP_NAME_DESC|ASSIGNED_DATE_ASC|ASSIGNED_DATE_DESC],
        add USER GROUP ROLE, remove USER GROUP ROLE.
        Users, groups, roles and versions may be given by id or by unique name (a version also as IMAGE:VERSION;
        a Bonita group also by its path, e.g. /acme/hr).
        """,
        subcommands: [List.self, Add.self, Remove.self]
    )

    static let kinds: [EndpointKind] = [.atmosphere, .bonita]

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List memberships: an Atmosphere endpoint's (all mine, or one version's), a Bonita user's.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Atmosphere: only this image version (uuid, IMAGE:VERSION or unique version name).", valueName: "version"))
        var version: String?
        @Option(help: ArgumentHelp("Bonita: whose memberships (user id or userName); required there.", valueName: "user"))
        var user: String?
        @Option(help: ArgumentHelp("Bonita: the order (default ROLE_NAME_ASC).", valueName: "order"))
        var order: String?

        func run() async throws {
            let context = CommandContext(options: global)
            let endpoint = try context.requireEndpoint(MembershipsCommand.kinds, for: "memberships list")
            switch endpoint.kind {
            case .atmosphere:
                guard user == nil, order == nil else { throw CommandLineMistake("--user and --order are for Bonita endpoints; Atmosphere takes --version") }
                let client = try context.atmosphere(endpoint)
                let versionID = try await version.asyncMap { try await client.findVersion($0).id }
                context.emit(MembershipPresentations.atmosphere(try await client.memberships(versionID: versionID)))
            default:
                guard version == nil else { throw CommandLineMistake("--version is for Atmosphere endpoints; Bonita takes --user") }
                guard let user else { throw CommandLineMistake("Bonita memberships are listed per user: give --user USER") }
                let order = try self.order.map(MembershipPresentations.bonitaOrder) ?? .roleNameAsc
                let client = try context.bonita(endpoint)
                let userID = try await client.findUser(user).id
                context.emit(MembershipPresentations.bonita(try await client.allMemberships(userID: userID, order: order, deploy: MembershipPresentations.bonitaDeploy)))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a membership: Atmosphere VERSION GROUP, Bonita USER GROUP ROLE.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Atmosphere: VERSION GROUP. Bonita: USER GROUP ROLE.", valueName: "reference")) var references: [String] = []

        func run() async throws {
            let context = CommandContext(options: global)
            let endpoint = try context.requireEndpoint(MembershipsCommand.kinds, for: "memberships add")
            switch endpoint.kind {
            case .atmosphere:
                guard references.count == 2 else { throw CommandLineMistake("Atmosphere: memberships add VERSION GROUP (got \(references.count) arguments)") }
                let client = try context.atmosphere(endpoint)
                let version = try await client.findVersion(references[0])
                let group = try await client.findGroup(references[1])
                let added = try await client.addMembership(versionID: version.id, groupID: group.uuid)
                context.emit(MembershipPresentations.atmosphere([added], single: true))
            default:
                guard references.count == 3 else { throw CommandLineMistake("Bonita: memberships add USER GROUP ROLE (got \(references.count) arguments)") }
                let client = try context.bonita(endpoint)
                let (user, group, role) = try await MembershipPresentations.bonitaTriple(client, references)
                _ = try await client.addMembership(userID: user, groupID: group, roleID: role)
                let added = try await client.allMemberships(userID: user, deploy: MembershipPresentations.bonitaDeploy).filter { $0.groupID == group && $0.roleID == role }
                context.emit(MembershipPresentations.bonita(added, single: true))
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a membership: Atmosphere ID or VERSION GROUP, Bonita USER GROUP ROLE.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Atmosphere: ID, or VERSION GROUP as add takes them. Bonita: USER GROUP ROLE.", valueName: "reference")) var references: [String] = []

        func run() async throws {
            let context = CommandContext(options: global)
            let endpoint = try context.requireEndpoint(MembershipsCommand.kinds, for: "memberships remove")
            switch endpoint.kind {
            case .atmosphere:
                let client = try context.atmosphere(endpoint)
                let id: Int
                switch references.count {
                case 1:
                    guard let number = Int(references[0]), number > 0 else {
                        throw CommandLineMistake("Atmosphere: memberships remove ID (the number memberships list shows) or VERSION GROUP, not '\(references[0])'")
                    }
                    id = number
                case 2:
                    // As the console and `add` name it: the version and the group.
                    let version = try await client.findVersion(references[0])
                    let group = try await client.findGroup(references[1])
                    guard let membership = try await client.memberships(versionID: version.id).first(where: { $0.group.uuid == group.uuid }) else {
                        throw MembershipError.notFound("group \(group.name) may not launch \(version.qualifiedName): there is no such membership to remove")
                    }
                    id = membership.id
                default:
                    throw CommandLineMistake("Atmosphere: memberships remove ID or VERSION GROUP (got \(references.count) arguments)")
                }
                try await client.removeMembership(id: id)
                context.emit(MembershipPresentations.removed([("id", .int(Int64(id)))]))
            default:
                guard references.count == 3 else { throw CommandLineMistake("Bonita: memberships remove USER GROUP ROLE (got \(references.count) arguments)") }
                let client = try context.bonita(endpoint)
                let (user, group, role) = try await MembershipPresentations.bonitaTriple(client, references)
                try await client.removeMembership(userID: user, groupID: group, roleID: role)
                context.emit(MembershipPresentations.removed([("user_id", .int(Int64(user))), ("group_id", .int(Int64(group))), ("role_id", .int(Int64(role)))]))
            }
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
