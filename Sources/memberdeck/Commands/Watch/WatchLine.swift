import Foundation
import MembershipKit
import TerminalText

/// One change as `watch` prints it:
///
///     14:03:07  prod  golden-ubuntu  analytics  status  pending → accepted
///     {"time": "2026-12-02T14:03:07Z", "cloud": "prod", "region": "RegionOne", "change": "status", "side": "owner", …}
///
/// A share offered to my project names the member `me (project)`. Server strings are sanitised
/// (table) or escaped (json) by TerminalText, as every other command's output.
enum WatchLine {
    static func text(_ change: MemberWatchChange, in place: WatchPlace, memberName: String?, time: Date, json: Bool) -> String {
        json ? jsonLine(change, in: place, memberName: memberName, time: time) : tableLine(change, cloud: place.label, memberName: memberName, time: time)
    }

    static func tableLine(_ change: MemberWatchChange, cloud: String, memberName: String?, time: Date) -> String {
        let member = memberName ?? change.memberID
        let fields = [
            clock(time), cloud, change.imageName.flatMap { $0.isEmpty ? nil : $0 } ?? change.imageID,
            change.side == .consumer ? "me (\(member))" : member, change.kind.rawValue,
            "\(change.from ?? "none") → \(change.to ?? "none")",
        ]
        return fields.map { TerminalSanitizer.sanitize($0) }.joined(separator: "  ") + "\n"
    }

    static func jsonLine(_ change: MemberWatchChange, in place: WatchPlace, memberName: String?, time: Date) -> String {
        let fields: [(String, FieldValue)] = [
            ("time", .string(timestamp(time))), ("cloud", .string(place.cloud)), ("region", FieldValue(place.region)),
            ("change", .string(change.kind.rawValue)),
            ("side", .string(change.side.rawValue)), ("image_id", .string(change.imageID)), ("image_name", FieldValue(change.imageName)),
            ("member_id", .string(change.memberID)), ("member_name", FieldValue(memberName)),
            ("from", FieldValue(change.from)), ("to", FieldValue(change.to)),
        ]
        return "{" + fields.map { "\(ListingRenderer.jsonString($0.0)): \(ListingRenderer.jsonValue($0.1))" }.joined(separator: ", ") + "}\n"
    }

    /// `14:03:07`, local time: when a line was seen, for a person reading along.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    /// ISO 8601 in UTC, for scripts.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Where a watch looks: the cloud and region (JSON keeps them apart, as `inbox` does) and how
/// lines name both (`prod (RegionTwo)`).
struct WatchPlace: Sendable {
    let cloud: String
    let region: String?
    let label: String
}
