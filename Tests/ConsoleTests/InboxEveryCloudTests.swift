import Foundation
import Testing
@testable import Console
import ConsoleRuntime
import GlanceScript
@testable import MembershipKit

/// `:inbox all`: the Memberships pane from every cloud, a Cloud column, rows that act with their
/// own cloud's connection, and shares of another cloud that never read as the current project's.
@Suite("Inbox of every cloud")
struct InboxEveryCloudTests {
    static let here = ConnectionID(cloud: "test")
    static let other = ConnectionID(cloud: "other")
    static let otherViewer = GlanceV2Rows.Viewer(projectID: "proj-other", isAdmin: false)

    /// A connected console (cloud `test`) with `other` beside it in clouds.yaml.
    static func console() -> ConsoleFixture {
        var console = ConsoleFixture.connected(settings: ConsoleSettings(availableClouds: ["test", "other"]))
        var session = ConsoleFixture.session()
        session.connection = here
        console.answerImagesAndMemberships(console.send(.connected(session)))
        return console
    }

    static func everyCloudRequest(_ effects: [Effect]) -> (request: Int, clouds: [String])? {
        effects.lazy.compactMap { if case let .loadInboxEveryCloud(request, clouds) = $0 { (request, clouds) } else { nil } }.first
    }

    /// Rows as the runner posts them: the current cloud's and the other cloud's (gamma is offered to both).
    static func rows() -> [RecordRow] {
        let viewer = GlanceV2Rows.Viewer(projectID: ConsoleFixture.me, isAdmin: false)
        var mine = ConsoleFixture.memberships.map { GlanceV2Rows.membershipRow($0, viewer: viewer) }
        for index in mine.indices { mine[index].connection = here }
        var theirs = [GlanceV2Rows.membershipRow(Membership(image: ConsoleFixture.gamma, status: "pending", sharedAt: "2024-01-05T00:00:00Z"), viewer: otherViewer)]
        theirs[0].connection = other
        return mine + theirs
    }

    static func otherSession() -> SessionInfo {
        SessionInfo(cloud: "other", region: "RegionOne", userName: "bob", projectName: "other", projectID: "proj-other",
                    endpointHost: "glance.test:9292", system: GlanceV2System.model, connection: other)
    }

    @Test(":inbox all reads every cloud, counts them in the title, adds a Cloud column; :inbox here goes back")
    func everyCloud() throws {
        var console = Self.console()
        console.type(":inbox all")
        let effects = console.key(.enter)
        let load = try #require(Self.everyCloudRequest(effects))
        #expect(load.clouds == ["test", "other"])
        #expect(console.state.focus == .memberships)
        #expect(console.state.system.pane(.memberships).columns.last?.title == "Cloud")
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .memberships).hasSuffix("every cloud (0/2 read)"))
        // A first load shows each cloud's rows as it answers: the slow one does not hold back the others.
        let theirRows = Self.rows().filter { $0.connection == Self.other }
        console.send(.inboxCloudRead(request: load.request, CloudInboxReport(cloud: "other", identity: Self.otherSession(), result: .success(1), rows: theirRows)))
        #expect(console.state.memberships.rows.map(\.key) == ["cloud:other|img-gamma"])
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .memberships).hasSuffix("every cloud (1/2 read)"))
        console.send(.inboxCloudRead(request: load.request, CloudInboxReport(cloud: "test", identity: nil, result: .success(3))))
        console.send(.rowsLoaded(request: load.request, .success(Self.rows())))
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .memberships).hasSuffix("every cloud (2 clouds)"))
        let rows = console.state.memberships.rows
        #expect(rows.count == 4)
        let theirs = try #require(rows.first { $0.connection == Self.other })
        #expect(theirs.key == "cloud:other|img-gamma" && theirs.cells.last == "other")
        #expect(rows.filter { $0.connection == Self.here }.allSatisfy { $0.cells.last == "test" && !$0.key.contains("|") })
        // The images pane's Share column still reads the current project's share of gamma (pending, mine).
        #expect(console.image("img-gamma")?.cells[4] == "pending")
        // Back to the current cloud: the column goes, the load is the connection's own.
        console.type(":inbox here")
        let back = console.key(.enter)
        #expect(back.membershipsRequests.count == 1 && Self.everyCloudRequest(back) == nil)
        #expect(console.state.system.pane(.memberships).columns.last?.title != "Cloud")
        #expect(console.state.memberships.rows.isEmpty)
    }

    @Test("a key on another cloud's row acts through that cloud's connection, and the row settles in place")
    func actsWithTheRowsCloud() throws {
        var console = Self.console()
        console.type(":inbox all")
        let load = try #require(Self.everyCloudRequest(console.key(.enter)))
        console.send(.inboxCloudRead(request: load.request, CloudInboxReport(cloud: "other", identity: Self.otherSession(), result: .success(1))))
        console.send(.rowsLoaded(request: load.request, .success(Self.rows())))
        console.select("cloud:other|img-gamma")
        let sent = console.press("a")
        guard case let .perform(operation, connection, _)? = sent.first(where: { if case .perform = $0 { true } else { false } }) else {
            Issue.record("no operation sent: \(sent)")
            return
        }
        #expect(connection == Self.other)
        // Only that row is in flight: the current project's gamma rows are another share.
        #expect(console.state.memberships.row(key: "cloud:other|img-gamma")?.inFlight != nil)
        #expect(console.state.memberships.row(key: "img-gamma")?.inFlight == nil && console.image("img-gamma")?.inFlight == nil)
        console.send(GlanceScript.memberUpdated(operation: operation, .success(ImageMember(imageID: "img-gamma", memberID: "proj-other", status: "accepted"))))
        let row = try #require(console.state.memberships.row(key: "cloud:other|img-gamma"))
        #expect(row.cells.first == "accepted" && row.cells.last == "other" && row.inFlight == nil)
        #expect(console.state.memberships.rows.count == 4)
        #expect(console.membership("img-gamma")?.cells.first == "pending")
        #expect(console.state.activity.last?.place == "other")
    }

    @Test("a cloud that fails is flashed and counted; with no clouds :inbox all says so; a bad argument is refused")
    func failuresAndRefusals() throws {
        var console = Self.console()
        console.type(":inbox all")
        let load = try #require(Self.everyCloudRequest(console.key(.enter)))
        console.send(.inboxCloudRead(request: load.request, CloudInboxReport(cloud: "other", identity: nil,
                                                                            result: .failure(Failure(ConsoleFixture.httpError(401, "The request you have made requires authentication."))))))
        #expect(console.state.flash?.text.contains("cloud other") == true)
        console.send(.inboxCloudRead(request: load.request, CloudInboxReport(cloud: "test", identity: nil, result: .success(3))))
        #expect(ConsoleUpdate.recordPaneTitle(console.state, .memberships).hasSuffix("every cloud (2 clouds, 1 failed)"))
        console.type(":inbox maybe")
        console.key(.enter)
        #expect(console.state.flash?.text.contains("takes all or here") == true)
        var alone = ConsoleFixture.connected()
        alone.type(":inbox all")
        #expect(Self.everyCloudRequest(alone.key(.enter)) == nil)
        #expect(alone.state.flash?.text.contains("there is none") == true)
    }
}
