import ArgumentParser
import Foundation
import MembershipKit

/// `memberdeck plan FILE`: what applying a manifest would change. Nothing is sent but reads.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what applying a manifest of shares would change (+ share, - remove, ~ status).",
        discussion: """
        The manifest (docs/manifest.md) says which members each image (Atmosphere version, Bonita user) should have. The plan reads the current members, resolves every name, and checks Glance's member quota (128 per image, or member_quota:) before anything could be sent. A mistake in the file names the file and line, and exits 2.
        Exit codes: 0 planned; with --check, 0 when nothing would change and 3 when something would (drift detection).
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The manifest file (YAML).", valueName: "file")) var file: String
    @Flag(help: "Exit 3 when the plan has changes, 0 when it has none.") var check = false

    func run() async throws {
        let context = CommandContext(options: global)
        let target = try await ManifestTarget.open(path: file, context: context)
        let plan = try await target.planner.plan(target.document)
        PlanOutput.show(plan, manifest: file, context: context)
        if check, !plan.isEmpty { throw CommandFailure(exitCode: 3) }
    }
}
