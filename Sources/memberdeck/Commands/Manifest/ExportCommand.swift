import ArgumentParser
import Foundation
import MembershipKit

/// `memberdeck export`: the current shares as a manifest, which `plan` finds nothing to change in.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the current shares as a manifest (YAML) that plans empty.",
        discussion: """
        --all exports every shared image of your project (every one, for an admin; on Glance v1 your images with members; on Atmosphere every version with memberships). --image names images (Atmosphere: versions) and --user Bonita users. Each entry is exclusive: true, so members added later show in a plan as ones to remove. Glance v2 accepted members go under accept: true, the others under accept: false.
        """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("image"), help: ArgumentHelp("An image id or name (Atmosphere: a version); repeat for several.", valueName: "image"))
    var images: [String] = []
    @Option(name: .customLong("user"), help: ArgumentHelp("Bonita: a user id or userName; repeat for several.", valueName: "user"))
    var users: [String] = []
    @Flag(help: "Every image (version) with shares.") var all = false
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if all, !images.isEmpty || !users.isEmpty { throw ValidationError("--all exports everything: drop --image and --user") }
        if !all, images.isEmpty, users.isEmpty { throw ValidationError("say what to export: --image IMAGE (repeatable), --user USER (Bonita) or --all") }
    }

    func run() async throws {
        let context = CommandContext(options: global)
        let endpoint = try context.selectedEndpoint()
        let system = endpoint.map { ManifestSystem($0.kind) } ?? .glanceV2
        if system == .bonita, !images.isEmpty || all { throw CommandLineMistake("Bonita memberships are exported per user: give --user USER") }
        if system != .bonita, !users.isEmpty { throw CommandLineMistake("--user is for Bonita endpoints; \(system.rawValue) exports --image or --all") }
        let planner = try await ManifestTarget.planner(system, endpoint: endpoint, cloudName: nil, context: context)
        let shares = try await planner.export(system == .bonita ? users : images)
        let place: ManifestWriter.Place
        if let endpoint {
            place = .init(key: "endpoint", name: endpoint.name, description: "endpoint '\(endpoint.name)'")
        } else if let cloud = global.cloud ?? context.environment["OS_CLOUD"].flatMap({ $0.isEmpty ? nil : $0 }), !global.usesSandbox {
            place = .init(key: "cloud", name: cloud, description: "cloud '\(cloud)'")
        } else {
            place = .init(key: nil, name: nil, description: global.usesSandbox ? "the sandbox" : "the cloud of the OS_* variables")
        }
        if PagingWarnings.occurred {
            throw MembershipError.incomplete("a listing stopped at a paging limit, so the export would be incomplete: nothing was written (raise paging.max_items in config.yaml)")
        }
        let text = ManifestWriter.text(shares, system: system, place: place, exportedAt: Timestamp.format(Date()))
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandLineMistake("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
