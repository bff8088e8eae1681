import Foundation
import MembershipKit
import Testing

/// The console's bell in tmux against the real Keystone and Glance: tmux marks a window whose
/// program rang the bell (`#{window_bell_flag}`; the session is detached, so any window is marked).
@Suite("Console bell in tmux", .enabled(if: ReferenceStack.shouldRun), .serialized)
struct ConsoleBellTests {
    static func bellFlag(_ console: TmuxConsole) async throws -> String {
        try await console.tmux(["-L", console.socket, "display-message", "-p", "-t", console.session, "#{window_bell_flag}"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("A share offered while the console runs rings the bell, not the first load; bell: false keeps it quiet", arguments: [true, false])
    func newShareRings(bell: Bool) async throws {
        let cli = CLI()
        if !bell {
            try FileManager.default.createDirectory(atPath: cli.home + "/config/memberdeck", withIntermediateDirectories: true)
            try "bell: false\n".write(toFile: cli.home + "/config/memberdeck/config.yaml", atomically: true, encoding: .utf8)
        }
        let owner = try ReferenceStack.glance("owner")
        let memberProject = try await ReferenceStack.projectID("member")
        let images = TestImages(owner: owner)
        let first = TestImages.uniqueName("bell-first"), second = TestImages.uniqueName("bell-second")
        try await images.with(name: first) { firstImage in
            try await images.with(name: second) { secondImage in
                _ = try await owner.addMember(imageID: firstImage.id, memberID: memberProject)
                let console = try TmuxConsole(["--os-cloud", "member", "--refresh", "2"], cli: cli)
                defer { console.close() }
                try await console.waitFor("the first share, pending") { ConsoleEndToEndTests.status(of: first, in: $0) == "pending" }
                #expect(try await Self.bellFlag(console) == "0", "the first load rang the bell")
                _ = try await owner.addMember(imageID: secondImage.id, memberID: memberProject)
                try await console.waitFor("the second share, pending") { ConsoleEndToEndTests.status(of: second, in: $0) == "pending" }
                // The bell goes out before the frame that shows the row, but tmux marks the window in a
                // later turn of its loop: wait for the mark (and a second for its absence with bell: false).
                let deadline = Date().addingTimeInterval(bell ? 5 : 1)
                var flag = try await Self.bellFlag(console)
                while flag != "1", Date() < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    flag = try await Self.bellFlag(console)
                }
                #expect(flag == (bell ? "1" : "0"), "window_bell_flag \(flag) with bell: \(bell)")
                try await console.send("q")
                try await console.waitFor(text: "EXITED:0")
            }
        }
    }
}
