import Console
import ConsoleRuntime
import CursesUI
import GlanceScript
import Foundation
import MembershipKit
import Testing
import TerminalText

/// Console states for render tests, built the way the running console builds them: through
/// `ConsoleUpdate.update` with the events the effect runner would send.
enum RenderFixture {
    /// Widths are measured in the user's locale, or C.UTF-8 (set once for the whole process).
    static let localeIsUTF8: Bool = TerminalLocale.adopt()

    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
    static let me = "8f3c2a1b9d7e4f60a1b2c3d4e5f60718"
    static let owner = "c0ffee00aa11bb22cc33dd44ee55ff66"

    static func session(readOnlyCloud: String = "devstack", sandbox: Bool = false, admin: Bool = false) -> SessionInfo {
        SessionInfo(cloud: readOnlyCloud, region: "RegionOne", userName: "alice", projectName: "demo", projectID: me,
                    endpointHost: "glance.example.com:9292", isSandbox: sandbox, isAdmin: admin, system: GlanceV2System.model)
    }

    static func image(_ id: String, _ name: String?, owner: String = me, visibility: String = "shared", created: String = "2026-11-15T07:06:40Z") -> Image {
        var image = Image(id: id, name: name, status: "active", visibility: visibility, owner: owner)
        image.createdAt = created
        return image
    }

    /// My images (alpha, beta) and three shared with me (gamma pending, delta accepted, epsilon rejected).
    static let images = [
        image("a1a1a1a1-0000-4000-8000-000000000001", "alpha"),
        image("b2b2b2b2-0000-4000-8000-000000000002", "beta", visibility: "private"),
        image("c3c3c3c3-0000-4000-8000-000000000003", "gamma", owner: owner),
        image("d4d4d4d4-0000-4000-8000-000000000004", "delta", owner: owner),
        image("e5e5e5e5-0000-4000-8000-000000000005", "epsilon", owner: owner, visibility: "community"),
    ]

    static let memberships = [
        Membership(image: images[2], status: "pending", sharedAt: "2026-11-18T10:54:40Z"),
        Membership(image: images[3], status: "accepted", sharedAt: "2026-11-13T07:06:40Z"),
        Membership(image: images[4], status: "rejected", sharedAt: "2026-11-18T11:06:00Z"),
    ]

    static let alphaMembers = [
        ImageMember(imageID: images[0].id, memberID: "11111111222233334444555566667777", status: "pending",
                    createdAt: "2026-11-22T15:40:32Z", updatedAt: "2026-11-22T15:41:00Z"),
        ImageMember(imageID: images[0].id, memberID: "22222222333344445555666677778888", status: "accepted",
                    createdAt: "2026-11-20T09:05:00Z", updatedAt: "2026-11-21T10:15:00Z"),
        ImageMember(imageID: images[0].id, memberID: me, status: "rejected",
                    createdAt: "2026-11-19T00:00:00Z", updatedAt: "2026-11-19T00:00:00Z"),
    ]

    /// A connected console at `width`×`height` with everything loaded; focus on images, cursor on
    /// the first image by name (alpha), whose members are shown.
    static func connected(width: Int = 120, height: Int = 40, settings: ConsoleSettings = ConsoleSettings(),
                          images: [Image] = RenderFixture.images, memberships: [Membership] = RenderFixture.memberships,
                          members: [ImageMember] = RenderFixture.alphaMembers, sandbox: Bool = false, admin: Bool = false) -> ConsoleState {
        var state = ConsoleState(settings: settings, system: GlanceV2System.model, now: now)
        send(&state, .resize(width: width, height: height, paneHeights: Layout.rowCapacity(width: width, height: height)))
        let loads = send(&state, .connected(session(sandbox: sandbox, admin: admin)))
        for request in loads.imagesRequests { send(&state, .imagesLoaded(request: request, .success(images))) }
        for request in loads.membershipsRequests { send(&state, .membershipsLoaded(request: request, .success(memberships))) }
        for load in send(&state, .tick(now)).membersRequests {
            send(&state, .membersLoaded(request: load.request, imageID: load.imageID, .success(members)))
        }
        return state
    }

    @discardableResult
    static func send(_ state: inout ConsoleState, _ event: Event) -> [Effect] { ConsoleUpdate.update(&state, event) }

    /// Sends what Glance v2 answered, as the runner would post it.
    @discardableResult
    static func send(_ state: inout ConsoleState, _ answer: GlanceScript) -> [Effect] { ConsoleUpdate.update(&state, answer.event(in: state)) }

    static func key(_ state: inout ConsoleState, _ key: KeyPress) { send(&state, .key(key)) }

    static func render(_ state: ConsoleState, width: Int = 120, height: Int = 40, unicode: Bool = true) -> Frame {
        _ = localeIsUTF8
        return ConsoleRenderer.render(state, width: width, height: height, unicode: unicode)
    }

    /// Every line exactly `width` display columns, exactly `height` lines, no control characters.
    static func checkShape(_ frame: Frame, width: Int, height: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(frame.lines.count == height, sourceLocation: sourceLocation)
        #expect(frame.width == width && frame.height == height, sourceLocation: sourceLocation)
        for (index, line) in frame.lines.enumerated() {
            let columns = DisplayWidth.of(line.text)
            #expect(columns == width, "line \(index) is \(columns) columns: \(line.text)", sourceLocation: sourceLocation)
        }
        #expect(!hasControlCharacters(frame.text.replacingOccurrences(of: "\n", with: "")), sourceLocation: sourceLocation)
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    /// The lines of a frame.
    static func lines(_ frame: Frame) -> [String] { frame.lines.map(\.text) }

    /// The first line containing `needle`.
    static func line(_ frame: Frame, containing needle: String) -> String? { lines(frame).first { $0.contains(needle) } }

    /// The display column where `needle` starts in `line`, or nil.
    static func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }

    /// The role of the span that contains `needle` on the first line containing it.
    static func role(of needle: String, in frame: Frame) -> Role? {
        for line in frame.lines where line.text.contains(needle) {
            if let span = line.spans.first(where: { $0.text.contains(needle) }) { return span.role }
        }
        return nil
    }

    /// The roles of the spans on the line that contains `needle`.
    static func roles(onLineWith needle: String, in frame: Frame) -> [Role] {
        frame.lines.first { $0.text.contains(needle) }?.spans.map(\.role) ?? []
    }
}
