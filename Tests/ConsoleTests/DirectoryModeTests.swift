import Foundation
import Testing
@testable import Console
@testable import MembershipKit

/// The console on Glance v1, Atmosphere and Bonita: the panes take each system's meaning, the keys
/// exist only where the system has the capability, and every change goes through the server.
@Suite("Console on Glance v1, Atmosphere and Bonita")
struct DirectoryModeTests {
    static func session(_ kind: DirectoryKind) -> SessionInfo {
        SessionInfo(cloud: "ep", region: kind.rawValue, userName: "olivia", projectName: "imaging", projectID: "proj-me",
                    endpointHost: "h:1", directoryKind: kind)
    }

    /// Connected to `kind`, with the first and last panes loaded.
    static func connected(_ kind: DirectoryKind, primary: [RecordRow], overview: [RecordRow] = [],
                          settings: ConsoleSettings = ConsoleSettings()) -> ConsoleFixture {
        var console = ConsoleFixture(settings: settings)
        let effects = console.send(.connected(session(kind)))
        for effect in effects {
            if case let .loadDirectory(request, pane, _) = effect {
                _ = console.send(.directoryLoaded(request: request, .success(pane == .images ? primary : overview)))
            }
        }
        return console
    }

    static func loadRequests(_ effects: [Effect]) -> [(Int, PaneID, RecordRef?)] {
        effects.compactMap { if case let .loadDirectory(request, pane, parent) = $0 { return (request, pane, parent) } else { return nil } }
    }

    static let v1Images = [
        RecordRow(key: "img-1", cells: ["golden", "img-1", "proj-me", "no"], ref: .v1Image(id: "img-1", name: "golden")),
        RecordRow(key: "img-2", cells: ["base", "img-2", "proj-me", "yes"], ref: .v1Image(id: "img-2", name: "base")),
    ]
    static let v1Members = [
        RecordRow(key: "p-a", cells: ["p-a", "yes"], ref: .v1Member(imageID: "img-2", memberID: "p-a", canShare: true)),
        RecordRow(key: "p-b", cells: ["p-b", "no"], ref: .v1Member(imageID: "img-2", memberID: "p-b", canShare: false)),
    ]

    static var atmosphereTree: [RecordRow] {
        let imageCells = ["Genomics", "3", "olivia"]
        var version = RecordRow(key: "version:v-1", cells: ["2024.1", "v-1", "olivia"], ref: .atmoVersion(id: "v-1", name: "Genomics:2024.1"),
                                depth: 1, parentKey: "image:3")
        version.parentCells = imageCells
        return [
            RecordRow(key: "image:9", cells: ["Alpha", "9", "oscar"], ref: .atmoImage(id: "9")),
            RecordRow(key: "image:3", cells: imageCells, ref: .atmoImage(id: "3"), isExpandable: true),
            version,
        ]
    }

    @Test("connecting to another kind sets its panes and loads the first and last")
    func connect() {
        var console = ConsoleFixture()
        let effects = console.send(.connected(Self.session(.glanceV1)))
        #expect(console.state.directory?.profile.kind == .glanceV1)
        #expect(Self.loadRequests(effects).map(\.1) == [.images, .memberships])
        #expect(console.state.directory?.title(.images, project: "imaging") == "Images")
        #expect(console.state.directory?.title(.memberships, project: "imaging") == "Shared with imaging")
    }

    @Test("the detail pane follows the first pane's cursor once it rests")
    func detailFollows() {
        var console = Self.connected(.glanceV1, primary: Self.v1Images)
        let effects = console.tick()
        let loads = Self.loadRequests(effects)
        #expect(loads.count == 1)
        #expect(loads.first?.1 == .members)
        #expect(loads.first?.2 == console.state.directory?.primary.selected?.ref)
        _ = console.send(.directoryLoaded(request: loads[0].0, .success(Self.v1Members)))
        #expect(console.state.directory?.detail.rows.count == 2)
        #expect(console.state.directory?.title(.members, project: "") == "Members of \(console.state.directory!.primary.selected!.ref.label)")
    }

    @Test("a detail answer for a row no longer selected is dropped")
    func staleDetail() {
        var console = Self.connected(.glanceV1, primary: Self.v1Images)
        let first = Self.loadRequests(console.tick())[0].0
        _ = console.press("j")
        _ = console.tick()
        _ = console.send(.directoryLoaded(request: first, .success(Self.v1Members)))
        #expect(console.state.directory?.detail.rows.isEmpty == true)
    }

    @Test("Glance v1: c toggles can_share in flight, the answer reloads the pane")
    func toggleShare() {
        var console = Self.connected(.glanceV1, primary: Self.v1Images)
        let detail = Self.loadRequests(console.tick())[0].0
        _ = console.send(.directoryLoaded(request: detail, .success(Self.v1Members)))
        _ = console.key(.tab)
        let effects = console.press("c")
        guard case let .directoryAction(operation, action)? = effects.first else {
            Issue.record("expected a change, got \(effects)")
            return
        }
        #expect(action == .setV1CanShare(imageID: "img-2", memberID: "p-a", canShare: false))
        #expect(console.state.directory?.detail.row(key: "p-a")?.inFlight == "can share → no…")
        let after = console.send(.directoryDone(operation: operation, .success(())))
        #expect(console.state.directory?.detail.row(key: "p-a")?.inFlight == nil)
        #expect(Self.loadRequests(after).map(\.1).sorted { $0.rawValue < $1.rawValue } == [.members, .memberships])
        #expect(console.state.activity.last?.outcome == .done)
    }

    @Test("Glance v1: + asks for project ids and adds each")
    func addV1() {
        var console = Self.connected(.glanceV1, primary: Self.v1Images)
        _ = console.tick()
        _ = console.key(.tab)
        _ = console.press("+")
        guard case let .prompt(prompt) = console.state.overlay, case .addV1Member = prompt.kind else {
            Issue.record("expected the member prompt, got \(console.state.overlay)")
            return
        }
        _ = console.type("p-x, p-y")
        let effects = console.key(.enter)
        let actions = effects.compactMap { if case let .directoryAction(_, action) = $0 { return action } else { return nil } }
        let imageID = console.state.directory!.detailParent!.label == "base" ? "img-2" : "img-1"
        #expect(actions == [.addV1Member(imageID: imageID, memberID: "p-x"), .addV1Member(imageID: imageID, memberID: "p-y")])
    }

    @Test("a capability the system lacks answers with a hint, never a request", arguments: [
        (DirectoryKind.atmosphere, Character("c")), (.bonita, "c"), (.glanceV1, "a"), (.atmosphere, "r"), (.bonita, "p"),
    ])
    func missingCapability(kind: DirectoryKind, key: Character) {
        var console = Self.connected(kind, primary: [])
        let effects = console.press(key)
        #expect(effects.isEmpty)
        #expect(console.state.flash?.text.hasPrefix("\(kind.rawValue) has no") == true)
    }

    @Test("Atmosphere: Enter on an image shows its versions under it; again hides them")
    func expandVersions() {
        var console = Self.connected(.atmosphere, primary: Self.atmosphereTree)
        #expect(console.state.directory?.primary.rows.count == 2)
        console.select("image:3")
        _ = console.key(.enter)
        let visible = console.state.directory!.primary.visible.map { console.state.directory!.primary.rows[$0].key }
        #expect(visible == ["image:9", "image:3", "version:v-1"])
        #expect(console.state.directory?.primary.selected?.key == "image:3")
        _ = console.key(.enter)
        #expect(console.state.directory?.primary.rows.count == 2)
    }

    @Test("Atmosphere: + on a version picks a group from a searchable list, then adds")
    func atmospherePicker() {
        var console = Self.connected(.atmosphere, primary: Self.atmosphereTree)
        console.select("image:3")
        _ = console.key(.enter)
        console.select("version:v-1")
        let detail = Self.loadRequests(console.tick())
        #expect(detail.first?.2 == .atmoVersion(id: "v-1", name: "Genomics:2024.1"))
        _ = console.key(.tab)
        let opened = console.press("+")
        guard case let .loadPicker(request, purpose)? = opened.first else {
            Issue.record("expected a picker load, got \(opened)")
            return
        }
        #expect(purpose == .atmosphereGroup(versionID: "v-1", versionName: "Genomics:2024.1"))
        _ = console.send(.pickerLoaded(request: request, .success([
            PickerItem(id: "g-1", label: "genomics-lab"), PickerItem(id: "g-2", label: "teaching-2026"), PickerItem(id: "g-3", label: "cora"),
        ])))
        _ = console.type("teach")
        guard case let .picker(picker) = console.state.overlay else {
            Issue.record("the picker closed")
            return
        }
        #expect(picker.visible.map(\.id) == ["g-2"])
        let chosen = console.key(.enter)
        #expect(chosen.contains { if case .directoryAction(_, .addAtmosphereMembership(versionID: "v-1", groupUUID: "g-2", _)) = $0 { return true } else { return false } })
        #expect(console.state.overlay == .none)
    }

    @Test("Bonita: + chooses a group, then a role, then adds the membership")
    func bonitaPickers() {
        let users = [RecordRow(key: "user:4", cells: ["walter.bates", "Walter Bates", ""], ref: .bonitaUser(id: 4, name: "walter.bates"))]
        var console = Self.connected(.bonita, primary: users)
        _ = console.tick()
        _ = console.key(.tab)
        guard case let .loadPicker(groups, _)? = console.press("+").first else {
            Issue.record("no group picker")
            return
        }
        _ = console.send(.pickerLoaded(request: groups, .success([PickerItem(id: "3", label: "/acme/finance")])))
        let next = console.key(.enter)
        guard case let .loadPicker(roles, .bonitaRole(4, "walter.bates", 3, "/acme/finance"))? = next.first else {
            Issue.record("no role picker: \(next)")
            return
        }
        _ = console.send(.pickerLoaded(request: roles, .success([PickerItem(id: "1", label: "member"), PickerItem(id: "3", label: "director")])))
        _ = console.key(.down)
        let added = console.key(.enter)
        #expect(added.contains { $0 == .directoryAction(operation: console.state.operations.keys.max()!,
                                                           .addBonitaMembership(userID: 4, groupID: 3, roleID: 3, label: "walter.bates to /acme/finance as director")) })
    }

    @Test("d asks first (focus on Cancel); y removes; a refusal clears the row and says why")
    func removeWithConfirmation() {
        let users = [RecordRow(key: "user:4", cells: ["walter.bates", "", ""], ref: .bonitaUser(id: 4, name: "walter.bates"))]
        var console = Self.connected(.bonita, primary: users)
        let detail = Self.loadRequests(console.tick())[0].0
        let row = RecordRow(key: "4/2/1", cells: ["/acme/hr", "member", "", ""],
                            ref: .bonitaMembership(userID: 4, groupID: 2, roleID: 1, label: "walter.bates from /acme/hr as member"))
        _ = console.send(.directoryLoaded(request: detail, .success([row])))
        _ = console.key(.tab)
        _ = console.press("d")
        guard case let .confirm(confirmation) = console.state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(!confirmation.focusOnConfirm)
        #expect(console.key(.enter).isEmpty)
        _ = console.press("d")
        let effects = console.press("y")
        guard case let .directoryAction(operation, .removeBonitaMembership(4, 2, 1, _))? = effects.first else {
            Issue.record("no removal: \(effects)")
            return
        }
        #expect(console.state.directory?.detail.row(key: "4/2/1")?.inFlight == "removing…")
        _ = console.send(.directoryDone(operation: operation, .failure(ConsoleFixture.httpError(500, "Can't delete"))))
        #expect(console.state.directory?.detail.row(key: "4/2/1")?.inFlight == nil)
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("Can't delete") == true)
        #expect(console.state.activity.last?.outcome == .failed)
    }

    @Test("read-only: + and d are refused before anything is asked")
    func readOnly() {
        var console = Self.connected(.atmosphere, primary: Self.atmosphereTree, settings: ConsoleSettings(readOnly: true))
        #expect(console.press("+").isEmpty)
        #expect(console.state.overlay == .none)
        #expect(console.state.flash?.text.hasPrefix("read-only") == true)
    }

    @Test("connecting back to Glance v2 drops the other system's panes")
    func backToGlance() {
        var console = Self.connected(.bonita, primary: [])
        _ = console.send(.connected(ConsoleFixture.session()))
        #expect(console.state.directory == nil)
    }
}
