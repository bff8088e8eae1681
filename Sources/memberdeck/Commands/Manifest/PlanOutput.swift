import Foundation
import MembershipKit
import TerminalText

/// How `plan` and `apply` show a plan: in a table, one line per change under a heading and above a
/// summary (as Terraform shows one); in json, yaml, csv and value, one record per change.
enum PlanOutput {
    static let columns = [
        Column(key: "action", heading: "Action"), Column(key: "change", heading: "Change"), Column(key: "subject", heading: "Subject"),
        Column(key: "member", heading: "Member"), Column(key: "detail", heading: "Detail"), Column(key: "line", heading: "Line"),
        Column(key: "subject_id", heading: "Subject ID"), Column(key: "member_id", heading: "Member ID"),
    ]

    static func record(_ change: PlannedChange) -> Record {
        Record([
            ("action", .string(change.action.rawValue)), ("change", .string(change.verb)), ("subject", .string(change.subject)),
            ("member", FieldValue(change.member.isEmpty ? nil : change.member)), ("detail", .string(change.detail)), ("line", .int(Int64(change.line))),
            ("subject_id", .string(change.subjectID)), ("member_id", FieldValue(change.memberID.isEmpty ? nil : change.memberID)),
        ])
    }

    /// Prints the plan; its notes (what it cannot do) go to stderr.
    static func show(_ plan: SharePlan, manifest: String, context: CommandContext) {
        for note in plan.notes { Entry.printNote(note) }
        guard context.options.format == .table else {
            context.emit(Listing(columns: columns, records: plan.changes.map(record)))
            return
        }
        var lines: [String] = []
        if !plan.isEmpty {
            lines.append("Changes to \(plan.target), from \(manifest):")
            lines += plan.changes.map { "  " + $0.text }
            lines.append("")
        }
        lines.append(plan.summary)
        FileHandle.standardOutput.write(Data((lines.map { TerminalSanitizer.sanitize($0) }.joined(separator: "\n") + "\n").utf8))
    }
}
