import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import ConsoleRuntime
@testable import MembershipKit

/// The record panes (Glance v1, Atmosphere, Bonita): each system's rows carry the actions it
/// prepared; the core shows each change in flight, settles it on the server's answer and rolls it
/// back on a refusal, the same way for every system.
@Suite("Record panes: one engine for every system")
struct RecordPanesTests {
    static func session(_ system: SystemModel, cloud: String = "ep") -> SessionInfo {
        SessionInfo(cloud: cloud, region: "r", userName: "olivia", projectName: "imaging", projectID: "proj-me", endpointHost: "h:1", system: system)
    }

    /// Connected to `system`, with the first and last panes loaded.
    static func connected(_ system: SystemModel, primary: [RecordRow], overview: [RecordRow] = [],
                          settings: ConsoleSettings = ConsoleSettings()) -> ConsoleFixture {
        var console = ConsoleFixture(settings: settings)
        let effects = console.send(.connected(session(system)))
        for effect in effects {
            if case let .loadRows(request, _, pane, _, _) = effect {
                _ = console.send(.rowsLoaded(request: request, .success(pane == .images ? primary : overview)))
            }
        }
        return console
    }

    static func loadRequests(_ effects: [Effect]) -> [(Int, PaneID, RecordRow?)] {
        effects.compactMap { if case let .loadRows(request, _, pane, parent, _) = $0 { return (request, pane, parent) } else { return nil } }
    }

    static func operations(_ effects: [Effect]) -> [(Int, RowOperation)] {
        effects.compactMap { if case let .perform(operation, _, change) = $0 { return (operation, change) } else { return nil } }
    }

    // MARK: Fixtures, built by each system's own row builders

    static let v1Images = [
        GlanceV1System.imageRow(GlanceV1Image(id: "img-1", name: "golden", isPublic: false, owner: "proj-me")),
        GlanceV1System.imageRow(GlanceV1Image(id: "img-2", name: "base", isPublic: true, owner: "proj-me")),
    ]
    static func v1Members(_ image: String = "img-1", label: String = "golden") -> [RecordRow] {
        [GlanceV1System.memberRow(imageID: image, imageLabel: label, memberID: "p-a", canShare: true),
         GlanceV1System.memberRow(imageID: image, imageLabel: label, memberID: "p-b", canShare: false)]
    }

    static let genomics = AtmosphereImage(id: 3, uuid: "u-3", name: "Genomics", createdBy: nil, versions: [AtmosphereVersion(id: "v-1", name: "2024.1")])
    static var atmosphereTree: [RecordRow] {
        AtmosphereSystem.imageRows(AtmosphereImage(id: 9, uuid: "u-9", name: "Alpha")) + AtmosphereSystem.imageRows(genomics)
    }
    static let labGroup = AtmosphereGroup(id: 1, uuid: "g-1", name: "genomics-lab")
    static let teaching = AtmosphereGroup(id: 2, uuid: "g-2", name: "teaching-2026")

    static let walter = BonitaUser(id: 4, userName: "walter.bates", firstname: "Walter", lastname: "Bates")
    static let hrMember = BonitaSystem.membershipRow(userID: 4, userName: "walter.bates", groupID: 2, roleID: 1, group: "/acme/hr", role: "member",
                                                     assigned: "2026-01-01", assignedBy: "install")

    /// Atmosphere with the version `v-1` selected and its groups loaded.
    static func atmosphereOnVersion(_ groups: [RecordRow] = [AtmosphereSystem.membershipRow(id: 7, group: labGroup, versionName: "Genomics:2024.1")]) -> ConsoleFixture {
        var console = connected(AtmosphereSystem.model, primary: atmosphereTree)
        console.select("image:3")
        _ = console.key(.enter)
        console.select("version:v-1")
        if let detail = loadRequests(console.tick()).first { _ = console.send(.rowsLoaded(request: detail.0, .success(groups))) }
        _ = console.key(.tab)
        return console
    }

    /// Bonita with walter selected and his memberships loaded.
    static func bonitaOnWalter(_ memberships: [RecordRow] = [hrMember]) -> ConsoleFixture {
        var console = connected(BonitaSystem.model, primary: [BonitaSystem.userRow(walter)])
        if let detail = loadRequests(console.tick()).first { _ = console.send(.rowsLoaded(request: detail.0, .success(memberships))) }
        _ = console.key(.tab)
        return console
    }

    /// Glance v1 with golden selected and its members loaded.
    static func v1OnGolden() -> ConsoleFixture {
        var console = connected(GlanceV1System.model, primary: v1Images)
        console.select("img-1")
        if let detail = loadRequests(console.tick()).first { _ = console.send(.rowsLoaded(request: detail.0, .success(v1Members()))) }
        _ = console.key(.tab)
        return console
    }

    // MARK: Every action of every system: in flight, settled, rolled back

    /// One action of one system: how it starts, the row that shows it, and the server's answer.
    struct ActionCase: CustomTestStringConvertible, Sendable {
        var name: String
        /// A console with the action's pane focused.
        var setUp: @Sendable () -> ConsoleFixture
        /// The keys (and picker answers) that start it; returns the effects of the last step.
        var start: @Sendable (inout ConsoleFixture) -> [Effect]
        var rowKey: String
        /// The pane whose row shows it (the members pane unless said).
        var pane: PaneID = .members
        var inFlight: String
        /// What the server answers on success, and the cells the row then shows (nil: gone).
        var outcome: OperationOutcome
        var settledCells: [String]?
        /// After a refusal: the row's cells (nil: an addition, whose row goes).
        var rolledBackCells: [String]?
        var testDescription: String { name }
    }

    static let me = GlanceV2Rows.Viewer(projectID: ConsoleFixture.me, isAdmin: false)
    static let admin = GlanceV2Rows.Viewer(projectID: ConsoleFixture.me, isAdmin: true)

    /// Glance v2 connected (alpha's members loaded) with `pane` focused and `key` selected.
    static func glanceV2(admin: Bool = false, on pane: PaneID, _ key: String) -> ConsoleFixture {
        var console = ConsoleFixture.connected(admin: admin)
        console.focus(pane)
        console.select(key)
        return console
    }

    static func alphaMember(_ id: String, _ status: String, _ date: String = "2024-01-01T00:00:00Z") -> RecordRow {
        GlanceV2Rows.memberRow(ImageMember(imageID: ConsoleFixture.alpha.id, memberID: id, status: status, createdAt: date, updatedAt: date),
                               image: ConsoleFixture.alpha, viewer: admin)
    }

    static let actionCases: [ActionCase] = [
        ActionCase(name: "Glance v2: a accepts my share in the inbox", setUp: { glanceV2(on: .memberships, ConsoleFixture.gamma.id) },
                   start: { $0.press("a") }, rowKey: ConsoleFixture.gamma.id, pane: .memberships, inFlight: "pending → accepted…",
                   outcome: .row(GlanceV2Rows.membershipRow(Membership(image: ConsoleFixture.gamma, status: "accepted", sharedAt: "2024-01-03T00:00:00Z"),
                                                            viewer: me)),
                   settledCells: ["accepted", "gamma", "proj-owner", "2024-01-03T00:00:00Z"],
                   rolledBackCells: ["pending", "gamma", "proj-owner", "2024-01-03T00:00:00Z"]),
        ActionCase(name: "Glance v2: r rejects a member's share (an admin)", setUp: { glanceV2(admin: true, on: .members, "proj-b") },
                   start: { $0.press("r") }, rowKey: "proj-b", inFlight: "pending → rejected…",
                   outcome: .row(alphaMember("proj-b", "rejected")), settledCells: ["proj-b", "rejected", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"],
                   rolledBackCells: ["proj-b", "pending", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"]),
        ActionCase(name: "Glance v2: p resets a member's share to pending (an admin)", setUp: { glanceV2(admin: true, on: .members, "proj-c") },
                   start: { $0.press("p") }, rowKey: "proj-c", inFlight: "accepted → pending…",
                   outcome: .row(alphaMember("proj-c", "pending", "2024-01-02T00:00:00Z")),
                   settledCells: ["proj-c", "pending", "2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z"],
                   rolledBackCells: ["proj-c", "accepted", "2024-01-02T00:00:00Z", "2024-01-02T00:00:00Z"]),
        ActionCase(name: "Glance v2: d removes a member after y", setUp: { glanceV2(on: .members, "proj-b") },
                   start: { console in _ = console.press("d"); return console.press("y") },
                   rowKey: "proj-b", inFlight: "removing…", outcome: .removed, settledCells: nil,
                   rolledBackCells: ["proj-b", "pending", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"]),
        ActionCase(name: "Glance v2: + shares with the project typed", setUp: { glanceV2(on: .members, "proj-b") },
                   start: { console in _ = console.press("+"); _ = console.type("proj-x"); return console.key(.enter) },
                   rowKey: "proj-x", inFlight: "adding…", outcome: .row(alphaMember("proj-x", "pending")),
                   settledCells: ["proj-x", "pending", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"], rolledBackCells: nil),
        ActionCase(name: "Glance v1: c toggles can share", setUp: v1OnGolden, start: { $0.press("c") },
                   rowKey: "p-a", inFlight: "can share → no…",
                   outcome: .row(GlanceV1System.memberRow(imageID: "img-1", imageLabel: "golden", memberID: "p-a", canShare: false)),
                   settledCells: ["p-a", "no"], rolledBackCells: ["p-a", "yes"]),
        ActionCase(name: "Glance v1: d removes after y", setUp: v1OnGolden, start: { console in _ = console.press("d"); return console.press("y") },
                   rowKey: "p-a", inFlight: "removing…", outcome: .removed, settledCells: nil, rolledBackCells: ["p-a", "yes"]),
        ActionCase(name: "Glance v1: + adds the project typed", setUp: v1OnGolden,
                   start: { console in _ = console.press("+"); _ = console.type("p-x"); return console.key(.enter) },
                   rowKey: "p-x", inFlight: "adding…",
                   outcome: .row(GlanceV1System.memberRow(imageID: "img-1", imageLabel: "golden", memberID: "p-x", canShare: false)),
                   settledCells: ["p-x", "no"], rolledBackCells: nil),
        ActionCase(name: "Atmosphere: d removes a group after y", setUp: { atmosphereOnVersion() },
                   start: { console in _ = console.press("d"); return console.press("y") },
                   rowKey: "7", inFlight: "removing…", outcome: .removed, settledCells: nil, rolledBackCells: ["genomics-lab", "g-1", "7"]),
        ActionCase(name: "Atmosphere: + picks a group and adds it", setUp: { atmosphereOnVersion([]) },
                   start: { console in
                       guard case let .loadPicker(request, _, _)? = console.press("+").first else { return [] }
                       _ = console.send(.pickerLoaded(request: request, .success([
                           AtmosphereSystem.groupChoice(labGroup, versionID: "v-1", versionName: "Genomics:2024.1"),
                           AtmosphereSystem.groupChoice(teaching, versionID: "v-1", versionName: "Genomics:2024.1"),
                       ])))
                       _ = console.type("teach")
                       return console.key(.enter)
                   },
                   rowKey: "new:g-2", inFlight: "adding…",
                   outcome: .row(AtmosphereSystem.membershipRow(id: 12, group: teaching, versionName: "Genomics:2024.1")),
                   settledCells: ["teaching-2026", "g-2", "12"], rolledBackCells: nil),
        ActionCase(name: "Bonita: d removes a membership after y", setUp: { bonitaOnWalter() },
                   start: { console in _ = console.press("d"); return console.press("y") },
                   rowKey: "4/2/1", inFlight: "removing…", outcome: .removed, settledCells: nil,
                   rolledBackCells: ["/acme/hr", "member", "2026-01-01", "install"]),
        ActionCase(name: "Bonita: + picks a group, then a role, and adds the membership", setUp: { bonitaOnWalter([]) },
                   start: { console in
                       guard case let .loadPicker(groups, _, _)? = console.press("+").first else { return [] }
                       _ = console.send(.pickerLoaded(request: groups, .success([
                           BonitaSystem.groupChoice(BonitaGroup(id: 3, name: "finance", path: "/acme/finance"), userID: 4, userName: "walter.bates"),
                       ])))
                       guard case let .loadPicker(roles, _, _)? = console.key(.enter).first else { return [] }
                       _ = console.send(.pickerLoaded(request: roles, .success([
                           BonitaSystem.roleChoice(BonitaRole(id: 1, name: "member"), userID: 4, userName: "walter.bates", groupID: 3, group: "/acme/finance"),
                           BonitaSystem.roleChoice(BonitaRole(id: 3, name: "director"), userID: 4, userName: "walter.bates", groupID: 3, group: "/acme/finance"),
                       ])))
                       _ = console.key(.down)
                       return console.key(.enter)
                   },
                   rowKey: "4/3/3", inFlight: "adding…",
                   outcome: .row(BonitaSystem.membershipRow(userID: 4, userName: "walter.bates", groupID: 3, roleID: 3, group: "/acme/finance",
                                                            role: "director", assigned: "2026-12-01", assignedBy: "olivia")),
                   settledCells: ["/acme/finance", "director", "2026-12-01", "olivia"], rolledBackCells: nil),
    ]

    @Test("in flight at once, then settled on the server's answer", arguments: actionCases)
    func settles(_ action: ActionCase) throws {
        var console = action.setUp()
        let sent = Self.operations(action.start(&console))
        let (operation, _) = try #require(sent.first, "no request sent")
        #expect(console.state.records.pane(action.pane).row(key: action.rowKey)?.inFlight == action.inFlight)
        _ = console.send(.operationDone(operation: operation, .success(action.outcome)))
        let row = console.state.records.pane(action.pane).row(key: action.settledKey)
        if let cells = action.settledCells {
            #expect(row?.cells == cells)
            #expect(row?.inFlight == nil)
            #expect(row?.highlight?.kind == .settled)
        } else {
            #expect(row == nil)
        }
        #expect(console.state.activity.last?.outcome == .done)
        #expect(console.state.operations.isEmpty)
    }

    @Test("rolled back on a refusal, with the server's message and request id", arguments: actionCases)
    func rollsBack(_ action: ActionCase) throws {
        var console = action.setUp()
        let sent = Self.operations(action.start(&console))
        let (operation, _) = try #require(sent.first, "no request sent")
        _ = console.send(.operationDone(operation: operation, .failure(Failure(ConsoleFixture.httpError(403, "You are not permitted", requestID: "req-77")))))
        let row = console.state.records.pane(action.pane).row(key: action.rowKey)
        if let cells = action.rolledBackCells {
            #expect(row?.cells == cells)
            #expect(row?.inFlight == nil)
            #expect(row?.highlight?.kind == .failed)
        } else {
            #expect(row == nil)
        }
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("You are not permitted") == true)
        #expect(console.state.flash?.text.contains("req-77") == true)
        #expect(console.state.activity.last?.outcome == .failed)
    }

    @Test("a refresh answered while a change is in flight never shows the old row", arguments: actionCases)
    func refreshRace(_ action: ActionCase) throws {
        var console = action.setUp()
        let refresh = Self.loadRequests(console.press("R")).first { $0.1 == action.pane }
        let sent = Self.operations(action.start(&console))
        let (operation, _) = try #require(sent.first, "no request sent")
        let before = console.state.records.pane(action.pane).rows
        // The refresh was requested before the change: it answers with the rows as they were.
        if let refresh { _ = console.send(.rowsLoaded(request: refresh.0, .success(before.filter { $0.key != action.rowKey || action.rolledBackCells != nil }.map {
            var row = $0
            row.inFlight = nil
            row.operationID = nil
            return row
        }))) }
        #expect(console.state.records.pane(action.pane).row(key: action.rowKey)?.inFlight == action.inFlight)
        _ = console.send(.operationDone(operation: operation, .success(action.outcome)))
        #expect((console.state.records.pane(action.pane).row(key: action.settledKey)?.cells) == action.settledCells)
    }

    // MARK: Panes

    @Test("connecting sets the system's panes and loads the first and last")
    func connect() {
        var console = ConsoleFixture()
        let effects = console.send(.connected(Self.session(GlanceV1System.model)))
        #expect(console.state.system.name == "Glance v1")
        #expect(Self.loadRequests(effects).map(\.1) == [.images, .memberships])
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .images) == "Images")
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .memberships) == "Shared with imaging")
    }

    @Test("rows carry the connection they came from, and their requests name it")
    func connection() throws {
        var console = Self.v1OnGolden()
        #expect(console.state.records.detail.row(key: "p-a")?.connection == ConnectionID("ep"))
        let effects = console.press("c")
        guard case let .perform(_, connection, _)? = effects.first else {
            Issue.record("no request: \(effects)")
            return
        }
        #expect(connection == ConnectionID("ep"))
    }

    @Test("the detail pane follows the first pane's cursor once it rests")
    func detailFollows() {
        var console = Self.connected(GlanceV1System.model, primary: Self.v1Images)
        let loads = Self.loadRequests(console.tick())
        #expect(loads.count == 1)
        #expect(loads.first?.1 == .members)
        #expect(loads.first?.2?.ref == console.state.records.primary.selected?.ref)
        _ = console.send(.rowsLoaded(request: loads[0].0, .success(Self.v1Members())))
        #expect(console.state.records.detail.rows.count == 2)
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .members) == "Members of \(console.state.records.primary.selected!.label)")
    }

    @Test("a detail answer for a row no longer selected is dropped")
    func staleDetail() {
        var console = Self.connected(GlanceV1System.model, primary: Self.v1Images)
        let first = Self.loadRequests(console.tick())[0].0
        _ = console.press("j")
        _ = console.tick()
        _ = console.send(.rowsLoaded(request: first, .success(Self.v1Members())))
        #expect(console.state.records.detail.rows.isEmpty == true)
    }

    @Test("after :endpoint with the detail pane focused, the detail follows the selected row at once")
    func detailAfterReconnect() {
        var console = Self.v1OnGolden()
        #expect(console.state.focus == .members)
        let effects = console.send(.connected(Self.session(BonitaSystem.model, cloud: "hr")))
        for case let .loadRows(request, _, .images, _, _) in effects {
            _ = console.send(.rowsLoaded(request: request, .success([BonitaSystem.userRow(Self.walter)])))
        }
        _ = console.key(.tab)
        let loads = Self.loadRequests(console.tick())
        #expect(loads.map(\.1) == [.members])
        #expect(console.state.records.detailParent?.key == "user:4")
    }

    @Test("a capability the system lacks answers with a hint, never a request", arguments: [
        ("Atmosphere", Character("c")), ("Bonita", "c"), ("Glance v1", "a"), ("Atmosphere", "r"), ("Bonita", "p"), ("Bonita", " "),
    ])
    func missingCapability(name: String, key: Character) {
        let system = [GlanceV1System.model, AtmosphereSystem.model, BonitaSystem.model].first { $0.name == name }!
        var console = Self.connected(system, primary: [])
        let effects = console.press(key)
        #expect(effects.isEmpty)
        #expect(console.state.flash?.text.hasPrefix("\(name) has no") == true)
    }

    @Test("Atmosphere: Enter on an image shows its versions under it; again hides them")
    func expandVersions() {
        var console = Self.connected(AtmosphereSystem.model, primary: Self.atmosphereTree)
        #expect(console.state.records.primary.rows.count == 2)
        console.select("image:3")
        _ = console.key(.enter)
        let visible = console.state.records.primary.visible.map { console.state.records.primary.rows[$0].key }
        #expect(visible == ["image:9", "image:3", "version:v-1"])
        #expect(console.state.records.primary.selected?.key == "image:3")
        _ = console.key(.enter)
        #expect(console.state.records.primary.rows.count == 2)
    }

    @Test("d asks first, with the focus on Cancel: Enter alone changes nothing")
    func confirmStartsOnCancel() {
        var console = Self.bonitaOnWalter()
        _ = console.press("d")
        guard case let .confirm(confirmation) = console.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(!confirmation.focusOnConfirm)
        #expect(confirmation.message == "remove walter.bates from /acme/hr as member?")
        #expect(console.key(.enter).isEmpty)
        #expect(console.state.records.detail.row(key: "4/2/1")?.inFlight == nil)
    }

    @Test("two changes on two rows are in flight at once and settle independently")
    func concurrent() {
        var console = Self.v1OnGolden()
        let first = Self.operations(console.press("c"))
        _ = console.press("j")
        let second = Self.operations(console.press("c"))
        #expect(first.count == 1 && second.count == 1)
        #expect(console.state.records.detail.rows.allSatisfy { $0.inFlight != nil } == true)
        _ = console.send(.operationDone(operation: second[0].0, .success(.row(GlanceV1System.memberRow(imageID: "img-1", imageLabel: "golden", memberID: "p-b", canShare: true)))))
        #expect(console.state.records.detail.row(key: "p-a")?.inFlight == "can share → no…")
        #expect(console.state.records.detail.row(key: "p-b")?.cells == ["p-b", "yes"])
    }

    @Test("the activity log names the row the change was made under, even when the user moved on before the answer")
    func activityKeepsTheParent() throws {
        var console = Self.v1OnGolden()
        let (operation, _) = try #require(Self.operations(console.press("c")).first)
        _ = console.key(.backTab)
        console.select("img-2")
        _ = console.tick()
        #expect(console.state.records.detailParent?.key == "img-2")
        _ = console.send(.operationDone(operation: operation, .success(.row(GlanceV1System.memberRow(imageID: "img-1", imageLabel: "golden",
                                                                                                      memberID: "p-a", canShare: false)))))
        #expect(console.state.activity.last?.imageName == "golden")
        #expect(console.state.activity.last?.imageID == "img-1")
    }

    @Test("read-only: + and d are refused before anything is asked")
    func readOnly() {
        var console = Self.connected(AtmosphereSystem.model, primary: Self.atmosphereTree, settings: ConsoleSettings(readOnly: true))
        #expect(console.press("+").isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.flash?.text.hasPrefix("read-only") == true)
    }

    @Test("connecting to another system starts its panes over")
    func toAnotherSystem() {
        var console = Self.connected(BonitaSystem.model, primary: [BonitaSystem.userRow(Self.walter)])
        #expect(!console.state.records.primary.rows.isEmpty)
        _ = console.send(.connected(ConsoleFixture.session()))
        #expect(console.state.records.primary.rows.isEmpty && console.state.records.detailParent == nil)
        #expect(console.state.system == GlanceV2System.model)
    }
}

extension RecordPanesTests.ActionCase {
    /// The settled row's key: an addition's row takes the key the server gave it.
    var settledKey: String {
        if case let .row(row) = outcome { return row.key }
        return rowKey
    }
}
