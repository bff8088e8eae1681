import ArgumentParser
import Foundation
import MembershipKit

/// Which of the operator's credentials a command reads: the selected cloud (the default, as every
/// other command), `--cloud NAME` (repeatable), or `--all-clouds` (each cloud of clouds.yaml, in
/// each region it lists).
struct CloudSelection: ParsableArguments {
    @Flag(name: .customLong("all-clouds"), help: "Every cloud of clouds.yaml (and OS_*), in each region it lists, read at once.")
    var allClouds = false

    @Option(name: .customLong("cloud"), help: ArgumentHelp("A cloud of clouds.yaml to read (repeat for several; default: the selected cloud).", valueName: "name"))
    var clouds: [String] = []

    @Flag(name: .customLong("all-projects"), help: "Also every other project the user has a role on in each cloud (GET /v3/auth/projects, then a token scoped to each).")
    var allProjects = false

    func validate(_ global: GlobalOptions) throws {
        if allClouds, !clouds.isEmpty { throw ValidationError("--all-clouds and --cloud exclude each other") }
        if allClouds || !clouds.isEmpty {
            if global.cloud != nil { throw ValidationError("--os-cloud chooses one cloud: use --cloud NAME (repeatable) or --all-clouds instead") }
            if global.usesSandbox || global.endpoint != nil { throw ValidationError("--all-clouds and --cloud read clouds.yaml: they exclude --sandbox and --endpoint") }
        }
        for name in clouds where name.isEmpty { throw ValidationError("--cloud needs a cloud name") }
    }

    /// Whether more than the selected cloud is read.
    var isMany: Bool { allClouds || !clouds.isEmpty }

    /// The credentials to read, and the clouds that could not even be loaded (each one line later).
    func targets(_ context: CommandContext) async throws -> [Result<CloudConfig, CloudConfigLoader.Unloadable>] {
        guard isMany else { return [.success(try await context.target().cloud)] }
        let loader = context.loader
        defer { CommandContext.warn(loader.warnings) }
        let targets = try loader.every(allClouds ? nil : clouds, region: context.options.region)
        if targets.isEmpty { throw ConfigurationError.noCloud(searched: loader.locator.searchDirectories) }
        return targets
    }
}

/// How a cloud is named in output and in its failure line: `prod`, or `prod (RegionTwo)`.
enum CloudLabel {
    static func of(_ cloud: CloudConfig) -> String {
        cloud.regionName.map { "\(cloud.name) (\($0))" } ?? cloud.name
    }

    /// One line on stderr for a cloud (`what`: `cloud 'prod'`) that failed; the others still show.
    static func report(_ what: String, _ error: any Error) {
        let text = (error as? CloudConfigLoader.Unloadable)?.error.description ?? MembershipError.wrapping(error).description
        Entry.printError("\(what): \(text)")
    }
}
