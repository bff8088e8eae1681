import Foundation
@testable import memberdeck
import MembershipKit
import Testing

/// `memberdeck watch`'s lines: what each says, and that a server's names cannot drive the terminal.
@Suite("Watch lines")
struct WatchLineTests {
    static let time = Date(timeIntervalSince1970: 1_764_684_187)   // 2025-12-02T14:03:07Z
    static let place = WatchPlace(cloud: "prod", region: "RegionTwo", label: "prod (RegionTwo)")

    static func change(_ kind: MemberWatchChange.Kind, side: MemberWatchSide = .owner, name: String? = "golden", from: String?, to: String?) -> MemberWatchChange {
        MemberWatchChange(kind: kind, side: side, imageID: "img-1", imageName: name, memberID: "p-1", from: from, to: to)
    }

    @Test("A table line: cloud, image, member by name, change, from → to; a share offered to me names me")
    func tableLines() {
        let added = WatchLine.tableLine(Self.change(.added, from: nil, to: "pending"), cloud: "prod", memberName: "analytics", time: Self.time)
        #expect(added.hasSuffix("  prod  golden  analytics  added  none → pending\n"), "\(added)")
        let offered = WatchLine.tableLine(Self.change(.status, side: .consumer, from: "pending", to: "accepted"), cloud: "prod", memberName: nil, time: Self.time)
        #expect(offered.hasSuffix("  prod  golden  me (p-1)  status  pending → accepted\n"), "\(offered)")
        let unnamed = WatchLine.tableLine(Self.change(.removed, name: "", from: "accepted", to: nil), cloud: "prod", memberName: nil, time: Self.time)
        #expect(unnamed.hasSuffix("  prod  img-1  p-1  removed  accepted → none\n"), "\(unnamed)")
    }

    @Test("A JSON line is one object with snake_case keys, null for what is not there, parsed back exactly")
    func jsonLine() throws {
        let line = WatchLine.jsonLine(Self.change(.offered, side: .consumer, from: nil, to: "pending"), in: Self.place, memberName: "me", time: Self.time)
        #expect(line.hasSuffix("}\n") && line.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2025-12-02T14:03:07Z" && object["cloud"] as? String == "prod" && object["region"] as? String == "RegionTwo")
        #expect(object["change"] as? String == "offered" && object["side"] as? String == "consumer")
        #expect(object["image_id"] as? String == "img-1" && object["image_name"] as? String == "golden")
        #expect(object["member_id"] as? String == "p-1" && object["member_name"] as? String == "me")
        #expect(object["from"] is NSNull && object["to"] as? String == "pending")
    }

    @Test("Hostile names: the table shows escapes, JSON escapes them and gives the exact name back")
    func hostileNames() throws {
        let hostile = "evil\u{1B}[2J\u{202E}name\u{9B}"
        let change = Self.change(.added, name: hostile, from: nil, to: "pending\u{7}")
        let table = WatchLine.tableLine(change, cloud: "prod\u{1B}]0;x\u{7}", memberName: "m\u{200B}", time: Self.time)
        let json = WatchLine.jsonLine(change, in: Self.place, memberName: "m\u{200B}", time: Self.time)
        for output in [table, json] {
            let raw = output.unicodeScalars.filter(OutputSafetyTests.isHostile)
            #expect(raw.isEmpty, "\(output.debugDescription)")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["image_name"] as? String == hostile && object["to"] as? String == "pending\u{7}")
    }
}
