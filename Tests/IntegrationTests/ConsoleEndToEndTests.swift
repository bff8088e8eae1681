import Foundation
import MembershipKit
import Testing

/// The real console in tmux against the real Keystone and Glance: what the operator sees and
/// does, checked against the server through the SDK.
@Suite("Console end to end in tmux", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct ConsoleEndToEndTests {
    /// The status word in the screen line that shows `name`.
    /// The status shown on the first row naming the image. Lines without a status (the members
    /// pane's title, `Members of NAME`) are skipped: whether that title shows depends on timing.
    static func status(of name: String, in screen: String) -> String? {
        for line in screen.split(separator: "\n") where line.contains(name) {
            for word in ["pending → accepted", "accepted → rejected", "rejected", "accepted", "pending"] where line.contains(word) {
                return word
            }
        }
        return nil
    }

    @Test("the member sees a pending share in the inbox, accepts it with a, rejects it with r; a change elsewhere shows on refresh")
    func memberAcceptsAndRejects() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let name = TestImages.uniqueName("e2e-inbox")
        try await TestImages(owner: owner).with(name: name) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let console = try TmuxConsole(["--os-cloud", "member", "--refresh", "2"])
            defer { console.close() }

            try await console.waitFor("the pending share in the memberships pane") { Self.status(of: name, in: $0) == "pending" }
            try await console.type(":inbox")
            try await console.send("Enter")
            try await console.type("/" + name)
            try await console.send("Enter")
            try await console.send("a")
            try await console.waitFor("accepted on screen") { Self.status(of: name, in: $0) == "accepted" }
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "accepted")

            try await console.send("r")
            try await console.waitFor("rejected on screen") { Self.status(of: name, in: $0) == "rejected" }
            #expect(try await owner.member(imageID: image.id, memberID: memberProject).status == "rejected")

            // Changed elsewhere (the CLI would do the same): the next refresh shows it.
            _ = try await member.updateMember(imageID: image.id, memberID: memberProject, status: .pending)
            try await console.waitFor("the outside change after a refresh") { Self.status(of: name, in: $0) == "pending" }

            try await console.send("q")
            let after = try await console.waitFor(text: "EXITED:0")
            #expect(!after.contains(name), "the console's screen is gone after q")
        }
    }

    @Test("the owner shares with + and removes with d (confirm starts on Cancel)")
    func ownerSharesAndRemoves() async throws {
        let owner = try ReferenceStack.glance("owner")
        let strangerProject = try await ReferenceStack.projectID("stranger")
        let name = TestImages.uniqueName("e2e-share")
        try await TestImages(owner: owner).with(name: name) { image in
            let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"])
            defer { console.close() }
            try await console.waitFor(text: name)
            try await console.type("/" + name)
            try await console.send("Enter")
            try await console.send("+")
            try await console.waitFor(text: "share")
            try await console.type(strangerProject)
            try await console.send("Enter")
            // The member row shows the project's id, or its name once the console has learned it.
            func memberRow(_ screen: String) -> String? {
                screen.split(separator: "\n").compactMap { $0.components(separatedBy: "││").last }
                    .first { $0.contains(String(strangerProject.prefix(12))) || $0.contains(" stranger ") }
            }
            try await console.waitFor("the new member row") { memberRow($0)?.contains("pending") == true }
            #expect(try await owner.members(imageID: image.id).map(\.memberID) == [strangerProject])
            // clouds.yaml holds the stranger's credentials: the console offers to accept with them; Esc declines.
            try await console.waitFor(text: "─ Accept as the member ─")
            try await console.send("Escape")

            try await console.send("Tab")
            try await console.send("d")
            try await console.waitFor(text: "Cancel")
            try await console.send("Enter")   // focus starts on Cancel: nothing happens
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await owner.members(imageID: image.id).count == 1)

            try await console.send("d")
            try await console.waitFor(text: "Cancel")
            try await console.send("Tab")
            try await console.send("Enter")
            try await console.waitFor("the member row gone") { memberRow($0) == nil }
            #expect(try await owner.members(imageID: image.id).isEmpty)

            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("resize to 80×24 and back reflows at once; too small is explained; q leaves a clean terminal")
    func resize() async throws {
        let owner = try ReferenceStack.glance("owner")
        let name = TestImages.uniqueName("e2e-resize")
        try await TestImages(owner: owner).with(name: name) { _ in
            let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"])
            defer { console.close() }
            try await console.waitFor(text: name)
            try await console.resize(width: 80, height: 24)
            try await console.waitFor("the 80×24 layout") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return screen.contains("Images") && lines.count <= 25 && screen.contains("Memberships")
            }
            try await console.resize(width: 50, height: 12)
            try await console.waitFor(text: "too small")
            try await console.resize(width: 120, height: 40)
            try await console.waitFor(text: name)
            try await console.send("q")
            let after = try await console.waitFor(text: "EXITED:0")
            #expect(!after.contains("Memberships"))
        }
    }

    @Test("SIGTERM and SIGHUP (an SSH drop) restore the terminal and exit 128+signal", arguments: [(SIGTERM, 143), (SIGHUP, 129)])
    func signals(signal: Int32, expected: Int) async throws {
        try ReferenceStack.requireConfigured()
        let console = try TmuxConsole(["--os-cloud", "member", "--refresh", "off"])
        defer { console.close() }
        try await console.waitFor(text: "Memberships")
        let pid = try #require(try await console.memberdeckPID())
        kill(pid, signal)
        let after = try await console.waitFor(text: "EXITED:\(expected)")
        #expect(!after.contains("Memberships"))
    }

    @Test("with mouse: true in config.yaml a click selects a row (the members pane follows it)")
    func mouseClick() async throws {
        let owner = try ReferenceStack.glance("owner")
        let images = TestImages(owner: owner)
        let first = try await images.create(name: TestImages.uniqueName("e2e-mouse-a"))
        let second = try await images.create(name: TestImages.uniqueName("e2e-mouse-b"))
        var failure: (any Error)?
        do { try await clickSecondRow(first: first.name ?? "", second: second.name ?? "") } catch { failure = error }
        await images.delete(first)
        await images.delete(second)
        if let failure { throw failure }
    }

    func clickSecondRow(first: String, second: String) async throws {
        let cli = CLI()
        try FileManager.default.createDirectory(atPath: cli.home + "/config/memberdeck", withIntermediateDirectories: true)
        try "mouse: true\n".write(toFile: cli.home + "/config/memberdeck/config.yaml", atomically: true, encoding: .utf8)
        let console = try TmuxConsole(["--os-cloud", "owner", "--refresh", "off"], cli: cli)
        defer { console.close() }
        try await console.waitFor(text: second)
        // Click on whichever of the two rows the members pane does not show yet. tmux may split a
        // typed escape sequence under load, so the click is repeated (at most 3 times) until seen.
        for attempt in 1...3 {
            let screen = try await console.screen()
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let shown = lines.first { $0.contains("Members of") } ?? ""
            let target = shown.contains(first) ? second : first
            guard let row = lines.firstIndex(where: { $0.contains(target) && !$0.contains("Members of") }) else {
                Issue.record("\(target) is not on screen")
                return
            }
            // A left press in the X10 form the pane's terminal uses (tmux-256color: kmous=\E[M):
            // button, column, line, each 32 + value, 1-based.
            let line = Character(Unicode.Scalar(UInt8(32 + row + 1)))
            try await console.type("\u{1b}[M \u{25}\(line)")
            let deadline = Date().addingTimeInterval(3)
            while Date() < deadline {
                if try await console.screen().split(separator: "\n").first(where: { $0.contains("Members of") })?.contains(target) == true {
                    try await console.send("q")
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            if attempt == 3 { Issue.record("three clicks on \(target) did not select it:\n\(try await console.screen())") }
        }
    }

    @Test("without a terminal the console exits 2 with one line suggesting the subcommands")
    func notATerminal() async throws {
        try ReferenceStack.requireConfigured()
        let result = try await CLI().memberdeck("--os-cloud", "owner")
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }
}
