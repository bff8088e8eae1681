import ArgumentParser
import Console
import Foundation
import MembershipKit
import SettingRules

/// `memberdeck watch`: member status changes as they happen. Glance tells no one when a member
/// accepts or a share is offered; this looks again every interval and says what changed.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print member status changes as they happen: your images' members and the shares offered to your project.",
        discussion: """
        The first look is the baseline; after it, each change is one line (-f json: one JSON object per line): a member added, its status changed (pending → accepted …) or removed, a share offered to your project, its status changed or withdrawn. It looks every --interval seconds (default: config.yaml's refresh, else 10), each cloud at once with --cloud NAME or --all-clouds.
        A cloud that fails is one stderr line saying since when it is stale and when it is tried again (2, 4, 8 … 60 s, or when the server said); it says 'reconnected' when it answers again. A failed or cut-short read is never compared: it reports nothing. Watching one cloud, credentials refused (401, 403) before the first look end the watch (exit 1).
        Runs until interrupted (exit 0); --once exits 0 after the first change it prints. Glance v2 and Rackspace only: endpoints of other kinds are refused (exit 2).
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: CloudSelection

    @Option(name: .customLong("image"), help: ArgumentHelp("Watch only this image, an id or a name (repeat for several; default: every shared image you own, and your inbox).", valueName: "image"))
    var images: [String] = []

    @Option(help: ArgumentHelp("Seconds between looks, as the console's refresh: 1 to 86400 (default: config.yaml's refresh, else 10).", valueName: "seconds"))
    var interval: String?

    @Flag(help: "Exit 0 after the first change is printed (for scripts that wait for one).")
    var once = false

    func validate() throws { try selection.validate(global) }

    func run() async throws {
        let context = CommandContext(options: global)
        guard global.format == .table || global.format == .json else {
            throw CommandLineMistake("watch prints one line per change (-f table) or one JSON object per line (-f json), not \(global.format.rawValue)")
        }
        if selection.allProjects { throw CommandLineMistake("watch reads each cloud's own project: --all-projects is for inbox") }
        if let endpoint = try context.selectedEndpoint(), endpoint.kind != .glance, endpoint.kind != .rackspace {
            throw CommandLineMistake("watch follows Glance v2 image members: endpoint '\(endpoint.name)' is \(endpoint.kind.rawValue)")
        }
        for image in images where image.isEmpty { throw CommandLineMistake("--image needs an image id or name") }
        let seconds = try pollInterval(context)
        let paging = try context.paging
        var watches: [CloudWatch] = []
        var unloadable = 0
        if selection.isMany {
            for target in try await selection.targets(context) {
                switch target {
                case let .success(cloud):
                    watches.append(CloudWatch(cloud, glance: GlanceV2Client(session: try context.session(for: cloud), paging: paging)))
                case let .failure(error):
                    unloadable += 1
                    CloudLabel.report("cloud '\(error.name)'", error)
                }
            }
        } else {
            let target = try await context.target()
            let session = try context.session(for: target.cloud, sandbox: target.sandbox != nil, reportsRetries: target.reportsRetries)
            watches.append(CloudWatch(target.cloud, glance: GlanceV2Client(session: session, paging: paging)))
        }
        if watches.isEmpty { throw CommandFailure(exitCode: unloadable > 0 ? 2 : 1) }
        // Ctrl-C or SIGTERM ends a watch that runs until stopped: a normal end, not an error.
        StopSignals.install { _ in Foundation.exit(0) }
        let output = WatchOutput(format: global.format, names: { ids, session in
            await context.projectNames(ids, session: session).mapValues(\.name)
        })
        let references = images
        let once = self.once
        let alone = watches.count == 1
        try await withThrowingTaskGroup(of: Void.self) { group in
            for watch in watches {
                group.addTask { try await watch.run(references: references, interval: seconds, once: once, credentialsAreFatal: alone, output: output) }
            }
            // The first cloud to finish (its --once change printed, or a mistake thrown) ends the watch.
            try await group.next()
            group.cancelAll()
        }
    }

    /// `--interval`, else config.yaml's `refresh` (when a number), else the console's default, all
    /// by the console's rule for its refresh interval.
    func pollInterval(_ context: CommandContext) throws -> Double {
        if let interval {
            do throws(NumericSetting.Refusal) {
                return try NumericSetting.refreshInterval.value(interval)
            } catch {
                throw CommandLineMistake("--interval takes \(error.expectation), not '\(error.given)'")
            }
        }
        let configured = (try? context.configuration.console.get())?.refreshInterval
        return (configured ?? nil) ?? RefreshInterval.defaultSeconds
    }
}
