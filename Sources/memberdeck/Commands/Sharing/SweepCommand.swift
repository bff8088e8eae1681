import ArgumentParser
import Foundation
import MembershipKit

/// `members sweep`: takes back the shares nobody will use. A dry run by default: it prints what
/// would be removed, and `--apply` removes, with an outcome per share.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Find (and with --apply remove) rejected, long-pending and orphaned shares of your images.",
        discussion: """
        Reads the members of your project's shared images (every shared image for an admin), or only of --image.
        Without --apply nothing changes: the listing says what would be removed and why.
        --orphans asks Keystone whether each member project still exists (it takes the admin role).
        """)
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Shares the member rejected.") var rejected = false
    @Option(name: .customLong("pending-older-than"), help: ArgumentHelp("Shares pending for longer than this (e.g. 30d, 12h, 90m, 2w).", valueName: "duration"))
    var pendingOlderThan: AgeLimit?
    @Flag(help: "Shares whose project no longer exists in Keystone (admin).") var orphans = false
    @Option(name: .customLong("image"), help: ArgumentHelp("Only this image (id or name; repeat for several).", valueName: "image")) var images: [String] = []
    @Flag(help: "Remove what the sweep finds (without it, a dry run: nothing changes).") var apply = false

    func validate() throws {
        if !rejected, pendingOlderThan == nil, !orphans {
            throw ValidationError("say what to sweep: --rejected, --pending-older-than DURATION and/or --orphans")
        }
    }

    static let columns = [
        Column(key: "image_id", heading: "Image ID"), Column(key: "image_name", heading: "Image"), Column(key: "member_id", heading: "Member ID"),
        Column(key: "status", heading: "Status"), Column(key: "reason", heading: "Reason"), Column(key: "result", heading: "Result"),
        Column(key: "member_name", heading: "Member"),
    ]

    func run() async throws {
        let context = CommandContext(options: global)
        let glance = try await context.glance()
        let (myProject, isAdmin) = try await glance.session.projectScope(for: "a sweep reads your project's images")
        if orphans, !isAdmin { throw CommandLineMistake("--orphans needs an admin token: only an admin may ask Keystone about other projects") }
        let scope = images.isEmpty ? try await glance.managedImages(projectID: myProject.id, isAdmin: isAdmin)
            : try await ImageReferences.find(images, glance)
        let shares = try await glance.shares(of: scope)
        var sweep = ShareSweep(rejected: rejected, pendingOlderThan: pendingOlderThan?.seconds)
        if orphans { sweep.orphans = try await ShareSweep.missingProjects(in: shares, keystone: KeystoneProjectReader(session: glance.session)) }
        let candidates = sweep.candidates(shares)
        let names = await context.projectNames(Array(Set(candidates.map(\.member.memberID))), session: glance.session)
        func record(_ candidate: ShareSweep.Candidate, result: String) -> Record {
            Record([
                ("image_id", .string(candidate.image.id)), ("image_name", FieldValue(candidate.image.name)), ("member_id", .string(candidate.member.memberID)),
                ("status", .string(candidate.member.status)), ("reason", .string(candidate.reasons.joined(separator: ", "))), ("result", .string(result)),
                ("member_name", FieldValue(names[candidate.member.memberID]?.name)),
            ])
        }
        guard apply else {
            context.emit(Listing(columns: Self.columns, records: candidates.map { record($0, result: "would remove") }))
            return
        }
        let items = await BulkRun.run(candidates, label: { "\($0.image.id) \($0.member.memberID)" }) { candidate in
            try await glance.removeMember(imageID: candidate.image.id, memberID: candidate.member.memberID)
            return candidate
        }
        try BulkRun.report(items, context: context) { removed in
            Listing(columns: Self.columns, records: removed.map { record($0, result: "removed") })
        }
    }
}

/// The images `references` name (ids or unique names), in order.
enum ImageReferences {
    static func find(_ references: [String], _ glance: GlanceV2Client) async throws -> [Image] {
        var found: [Image] = []
        for reference in references { found.append(try await glance.findImage(reference)) }
        return found
    }
}

/// `--pending-older-than`: a whole number and a unit (s, m, h, d, w), e.g. `30d`.
struct AgeLimit: ExpressibleByArgument, Sendable {
    let seconds: Double

    init?(argument: String) {
        guard let seconds = AgeText.seconds(argument) else { return nil }
        self.seconds = seconds
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
