import ArgumentParser
import MembershipKit

struct MemberdeckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memberdeck",
        abstract: "Administer who may use a cloud image: Glance image members and their status, Glance v1, Rackspace, Atmosphere and Bonita memberships.",
        discussion: """
        Without a subcommand, memberdeck opens the interactive console (press ? in it for help).
        The cloud comes from clouds.yaml, secure.yaml and the OS_* variables, as with openstack.
        With no cloud configured, the console opens on memberdeck's own sandbox (demo data, kept in
        $XDG_DATA_HOME/memberdeck/sandbox.sqlite); --sandbox chooses it for any command.
        Other systems are endpoints in $XDG_CONFIG_HOME/memberdeck/config.yaml: --endpoint NAME.
        Shares as code: plan, apply and export a manifest (docs/manifest.md).
        Exit codes: 0 done, 1 the server refused or could not be reached, 2 usage or configuration error (3: plan --check found changes).
        """,
        version: MemberdeckVersion.string,
        subcommands: [ImagesCommand.self, MembersCommand.self, InboxCommand.self, WatchCommand.self, SharedImagesCommand.self, MembershipsCommand.self, ProjectsCommand.self, PlanCommand.self, ApplyCommand.self, ExportCommand.self, ConfigCommand.self, EndpointsCommand.self, SandboxCommand.self]
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    /// No subcommand: the interactive console.
    func run() async throws {
        try await ConsoleLauncher.run(global: global, options: console)
    }
}
