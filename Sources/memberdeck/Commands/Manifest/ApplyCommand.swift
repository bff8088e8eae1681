import ArgumentParser
import Foundation
import MembershipKit

/// `memberdeck apply FILE`: makes the shares what the manifest says. It shows the plan, asks on a
/// terminal (refuses without `--yes` when there is none), then applies each change with its own
/// outcome, going on after one fails. Applying again changes nothing: the plan is made afresh.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a manifest of shares: show the plan, confirm, then make each change.",
        discussion: """
        Visibility changes come first, removals next (they free member quota), then shares and status changes, a few at a time. A change that fails is reported and the others go on; the exit status is then 1. Without a terminal to confirm on, --yes is required. A mistake in the manifest changes nothing (exit 2).
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The manifest file (YAML).", valueName: "file")) var file: String
    @Flag(name: [.customShort("y"), .long], help: "Apply without asking.") var yes = false

    static let outcomeColumns = PlanOutput.columns + [Column(key: "result", heading: "Result"), Column(key: "error", heading: "Error")]

    func run() async throws {
        let context = CommandContext(options: global)
        let target = try await ManifestTarget.open(path: file, context: context)
        let plan = try await target.planner.plan(target.document)
        let table = context.options.format == .table
        if table || plan.isEmpty { PlanOutput.show(plan, manifest: file, context: context) }
        guard !plan.isEmpty else { return }
        // A listing that stopped at a paging limit leaves the plan partial: a glob may have
        // matched less than it should. Nothing is applied from a partial read.
        if PagingWarnings.occurred {
            throw MembershipError.incomplete("a listing stopped at a paging limit, so the plan may be incomplete: nothing was applied (raise paging.max_items in config.yaml)")
        }
        if !yes { try confirm(plan) }
        let progress = ApplyProgress(total: plan.changes.count)
        await progress.start()
        var outcomes: [(PlannedChange, MembershipError?)] = []
        for phase in plan.phases {
            outcomes += await ConcurrentWork.map(phase, width: BulkRun.concurrency) { change -> (PlannedChange, MembershipError?) in
                do {
                    try await change.apply()
                    await progress.finished(table ? "done  \(change.text)" : nil, failure: nil)
                    return (change, nil)
                } catch {
                    let failure = MembershipError.wrapping(error)
                    await progress.finished(nil, failure: "\(change.text): \(failure.description)")
                    return (change, failure)
                }
            }
        }
        await progress.end()
        let failed = outcomes.filter { $0.1 != nil }.count
        if table {
            let summary = "Applied \(outcomes.count - failed) of \(outcomes.count) changes" + (failed > 0 ? "; \(failed) failed.\n" : ".\n")
            FileHandle.standardOutput.write(Data(summary.utf8))
        } else {
            context.emit(Listing(columns: Self.outcomeColumns, records: outcomes.map { change, failure in
                var record = PlanOutput.record(change)
                record.fields += [("result", .string(failure == nil ? "done" : "failed")), ("error", FieldValue(failure?.description))]
                return record
            }))
        }
        if failed > 0 { throw CommandFailure(exitCode: 1) }
    }

    /// Asks on the terminal; only `y` or `yes` goes on. Without one, `--yes` is the only way.
    func confirm(_ plan: SharePlan) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandLineMistake("apply: no terminal to confirm on (standard input is not one): give --yes to apply the plan without asking; nothing was changed")
        }
        FileHandle.standardError.write(Data("Apply \(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s") to \(plan.target)? [y/N] ".utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            FileHandle.standardError.write(Data("memberdeck: nothing was changed\n".utf8))
            throw CommandFailure(exitCode: 1)
        }
    }
}
