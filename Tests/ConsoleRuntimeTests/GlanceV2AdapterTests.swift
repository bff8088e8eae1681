import Console
@testable import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox
import Testing

/// The Glance v2 system against the sandbox's Glance v2, connected as the console connects to a
/// cloud (`GlanceV2System.connect(session:)`): its panes' rows, what each row offers the viewer,
/// and the operations those rows send, settled as the server answers.
@Suite("Glance v2 adapter")
struct GlanceV2AdapterTests {
    static let ubuntuName = "golden-ubuntu-24.04-hardened"
    static let ubuntu = GlanceSeed.imageID(ubuntuName)
    static let analytics = GlanceSeed.projectID("analytics")

    static func connect(_ sandbox: RuntimeSandbox, _ user: String) async throws -> Connection {
        try await GlanceV2System.connect(session: try sandbox.keystoneSession(user), cloudName: "sandbox-\(user)", isSandbox: true)
    }

    static func adapter(_ sandbox: RuntimeSandbox, _ user: String) async throws -> any RecordAdapter {
        try #require(try await connect(sandbox, user).adapter as? any RecordAdapter)
    }

    @Test("connect describes the session: user, project, image endpoint, admin or not")
    func connectDescribesTheSession() async throws {
        try await RuntimeSandbox.with { sandbox in
            let info = try await Self.connect(sandbox, "cora").info
            #expect(info.cloud == "sandbox-cora" && info.userName == "cora" && info.projectName == "analytics")
            #expect(info.projectID == Self.analytics)
            #expect(info.endpointHost == "127.0.0.1:\(sandbox.sandbox.port)")
            #expect(info.isSandbox && !info.isAdmin)
            #expect(info.system == GlanceV2System.model)
            #expect(try await Self.connect(sandbox, "admin").info.isAdmin)
        }
    }

    @Test("the images pane: my images marked mine, images shared with me linked to my membership, progress reported")
    func imagesPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let rows = try await Self.adapter(sandbox, "olivia")
                .load(.images, parent: nil, context: LoadContext(scope: .mine, progress: events.progress(request: 4)))
            let imaging = GlanceSeed.projectID("imaging")
            #expect(Set(rows.map { $0.cells[0] }) == GlanceSeed.owned(by: "imaging").union(GlanceSeed.shared(with: "imaging").keys))
            for row in rows {
                let own = row.cells[3] == imaging
                #expect(row.isMine == own && row.opensDetail)
                #expect(row.subject == (own ? nil : row.key))
            }
            #expect(!events.matching { if case let .rowsProgress(4, count) = $0 { count } else { nil } }.isEmpty)
        }
    }

    @Test("the members pane, as the owner: every member with its status; the owner removes but may not answer for a member")
    func membersPaneAsOwner() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await Self.adapter(sandbox, "olivia")
            let ubuntu = try #require(try await adapter.load(.images, parent: nil).first { $0.key == Self.ubuntu })
            let members = try await adapter.detail(of: ubuntu)
            #expect(Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.cells[1]) }) == GlanceSeed.members(of: Self.ubuntuName))
            for member in members {
                #expect(member.actions[.accept] == .refused("only the member project itself can accept its share"))
                #expect(try member.operation(.remove).description == "remove \(member.key) from \(Self.ubuntuName)")
            }
        }
    }

    @Test("the inbox: every share offered to my project, with its status; each accepts, rejects and resets")
    func inbox() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await Self.adapter(sandbox, "cora").load(.memberships, parent: nil)
            #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.cells[1], $0.cells[0]) }) == GlanceSeed.shared(with: "analytics"))
            for row in rows {
                #expect(row.subject == row.key && row.opensDetail)
                // Each row offers every status but its own, which it says it has.
                for (action, status) in [(Action.accept, "accepted"), (.reject, "rejected"), (.pending, "pending")] {
                    if row.cells[0] == status {
                        #expect(row.actions[action] == .refused("\(row.label) is already \(status)"))
                    } else {
                        #expect(try row.operation(action).inFlight == "\(row.cells[0]) → \(status)…")
                    }
                }
            }
        }
    }

    @Test("accept from the inbox settles as the inbox row the server now has; the server keeps it")
    func acceptFromTheInbox() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await Self.adapter(sandbox, "cora")
            let share = try #require(try await adapter.load(.memberships, parent: nil).first { $0.key == Self.ubuntu })
            guard case let .row(settled) = try await adapter.perform(try share.operation(.accept)) else {
                Issue.record("no row")
                return
            }
            #expect(settled.key == Self.ubuntu && settled.cells[0] == "accepted" && settled.subject == share.subject)
            let reread = try await GlanceV2Client(session: try sandbox.keystoneSession("cora")).member(imageID: Self.ubuntu, memberID: Self.analytics)
            #expect(reread.status == "accepted")
        }
    }

    @Test("a status change the server refuses fails with Glance's message")
    func refusedByTheServer() async throws {
        try await RuntimeSandbox.with { sandbox in
            // The owner may not answer a share on behalf of its member: as an admin would, it asks anyway.
            let olivia = try await Self.adapter(sandbox, "olivia")
            let row = try #require(try await olivia.load(.images, parent: nil).first { $0.key == Self.ubuntu })
            let ubuntu = Image(id: row.key, name: row.cells[0], status: nil, visibility: nil, owner: row.cells[3])
            let operation = GlanceV2Rows.statusOperation(image: ubuntu, sharedAt: nil, memberID: Self.analytics, from: "pending", to: .accepted,
                                                         answer: .members, viewer: .init(projectID: GlanceSeed.projectID("imaging"), isAdmin: true))
            do {
                _ = try await olivia.perform(operation)
                Issue.record("the owner answered for its member")
            } catch let error as MembershipError {
                #expect(error.httpStatus == 403)
                #expect(error.description.contains("You are not authorized to complete modify_member action."), "\(error)")
            }
        }
    }

    @Test("share by the prompt adds a pending member; remove removes it; removing again is a 404")
    func addAndRemove() async throws {
        try await RuntimeSandbox.with { sandbox in
            let olivia = try await Self.adapter(sandbox, "olivia")
            let kafka = try #require(try await olivia.load(.images, parent: nil).first { $0.key == GlanceSeed.imageID("kafka-3.7-broker") })
            let webapps = GlanceSeed.projectID("webapps")
            let add = try kafka.promptOperation(.share).bound(to: kafka).with(argument: webapps)
            #expect(add.newRow?.key == webapps && add.newRow?.inFlight == nil)
            guard case let .row(added) = try await olivia.perform(add) else { Issue.record("no row"); return }
            #expect(added.key == webapps && added.cells[1] == "pending")
            let remove = try added.operation(.remove)
            #expect(try await olivia.perform(remove) == .removed)
            do {
                _ = try await olivia.perform(remove)
                Issue.record("a second removal succeeded")
            } catch let error as MembershipError {
                #expect(error.httpStatus == 404)
            }
        }
    }

    @Test("through the effect runner: connected, then the members of an image, posted as rows")
    func throughTheRunner() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let runner = EffectRunner(connector: { _, reports in
                try await GlanceV2System.connect(session: try sandbox.keystoneSession("olivia"), cloudName: "sandbox",
                                                 paging: reports.paging(PagingLimits()))
            }, activityLog: nil, post: events.post)
            runner.perform(.connect)
            #expect(await events.first { if case let .connected(info) = $0 { info.userName } else { nil } } == "olivia")
            let image = Image(id: Self.ubuntu, name: Self.ubuntuName, status: nil, visibility: nil, owner: GlanceSeed.projectID("imaging"))
            let row = GlanceV2Rows.imageRow(image, viewer: .init(projectID: GlanceSeed.projectID("imaging"), isAdmin: false))
            runner.perform(.loadRows(request: 8, connection: nil, pane: .members, parent: row, scope: .mine))
            let members = try #require(await events.first { if case let .rowsLoaded(8, result) = $0 { result } else { nil } }).get()
            #expect(members.count == GlanceSeed.members(of: Self.ubuntuName).count)
        }
    }

    @Test("+ takes a project name another cloud knows; an unknown name or malformed text is refused before Glance")
    func shareByName() async throws {
        try await RuntimeSandbox.with { sandbox in
            let session = try sandbox.keystoneSession("olivia")
            let cora = try await sandbox.keystoneSession("cora").cloud
            let names = ProjectDirectory(session: session, aliases: ProjectAliasBook(path: "/nonexistent/projects.yaml"), cache: nil,
                                         otherClouds: [cora], tokenCache: nil,
                                         login: { cloud in try await OpenStackSession.make(cloud: cloud, tokenCache: nil, retryPolicy: .never).validToken() })
            let connection = try await GlanceV2System.connect(session: session, cloudName: "sandbox-olivia", isSandbox: true, names: names)
            let adapter = try #require(connection.adapter as? any RecordAdapter)
            let image = try #require(try await adapter.load(.images, parent: nil).first { $0.cells[0] == "golden-debian-12-hardened" })
            func add(_ typed: String) async throws -> OperationOutcome {
                guard case let .prompt(_, operation)? = image.actions[.share] else { throw MembershipError.invalidInput("no prompt") }
                var sent = operation
                sent.argument = typed
                sent.target = image
                return try await adapter.perform(sent)
            }
            let before = try await GlanceV2Client(session: session).members(imageID: image.key).map(\.memberID)
            for refused in ["no-such-project", "bad\tname"] {
                await #expect(throws: MembershipError.self) { _ = try await add(refused) }
            }
            #expect(try await GlanceV2Client(session: session).members(imageID: image.key).map(\.memberID) == before, "Glance untouched")
            if before.contains(Self.analytics) {
                _ = try await GlanceV2Client(session: session).removeMember(imageID: image.key, memberID: Self.analytics)
            }
            guard case let .row(row) = try await add("analytics") else {
                Issue.record("no row")
                return
            }
            #expect(row.key == Self.analytics)
            #expect(await adapter.projectNames([Self.analytics]) == [Self.analytics: "analytics"])
        }
    }
}
