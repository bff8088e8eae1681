import ArgumentParser
import Foundation
import MembershipKit

/// `memberdeck inbox`: the shares offered to my projects, across clouds. Glance tells no one of a
/// new share, so this is where a consumer finds them.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "List the shares offered to your projects, in one cloud or every cloud at once.",
        discussion: """
        Each row is one image shared with the project of one set of credentials: cloud, region, project, image, owner,
        status and how long ago it was shared. An admin's inbox holds only shares offered to its own project.
        Clouds are read at the same time; a cloud that fails is one line on stderr naming it and why, the others
        still show, and the exit status is 1.
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: CloudSelection

    @Option(help: ArgumentHelp("pending (default), accepted, rejected or all.", valueName: "status"))
    var status: StatusFilter = .pending

    func validate() throws { try selection.validate(global) }

    func run() async throws {
        let context = CommandContext(options: global)
        let targets = try await selection.targets(context)
        let sandbox = !selection.isMany && global.usesSandbox
        let paging = try context.paging
        let reader = InboxReader(paging: paging) { try context.session(for: $0, sandbox: sandbox) }
        // Every cloud at once: the slowest cloud sets the time, not the sum.
        let answers = await ConcurrentWork.map(targets, width: max(1, targets.count)) { target -> Result<(CloudInbox, [String: ProjectName]), any Error> in
            do {
                let cloud = try target.get()
                let inbox = try await reader.read(cloud, allProjects: selection.allProjects)
                let owners = Array(Set(inbox.entries.compactMap(\.membership.image.owner)))
                let names = await context.projectNames(owners, session: inbox.session)
                return .success((inbox, names))
            } catch {
                return .failure(error)
            }
        }
        var rows: [InboxRow] = []
        var failed = 0
        for (target, answer) in zip(targets, answers) {
            let label = (try? target.get()).map(CloudLabel.of) ?? { if case let .failure(error) = target { error.name } else { "" } }()
            switch answer {
            case let .success((inbox, names)):
                rows += inbox.entries.filter { status.admits($0.membership.status) }.map { InboxRow(entry: $0, ownerName: $0.membership.image.owner.flatMap { names[$0]?.name }) }
                for failure in inbox.failures {
                    failed += 1
                    CloudLabel.report("cloud '\(label)', \(failure.scope)", failure.error)
                }
            case let .failure(error):
                failed += 1
                CloudLabel.report("cloud '\(label)'", error)
            }
        }
        if !rows.isEmpty || failed == 0 { context.emit(InboxRow.listing(rows, format: global.format)) }
        if failed > 0 { throw CommandFailure(exitCode: 1) }
    }
}

/// `--status`: one status, or all of them.
enum StatusFilter: String, ExpressibleByArgument, CaseIterable, Sendable {
    case pending, accepted, rejected, all

    func admits(_ status: String) -> Bool { self == .all || rawValue == status }
}
