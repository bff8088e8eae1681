import Foundation
import Sandbox
import Testing

/// The console on Glance v1, Atmosphere and Bonita endpoints, in tmux against an in-process sandbox:
/// browse, add, remove, and for Glance v1 toggle can_share, checked with the CLI afterwards.
@Suite("Console on other endpoints in tmux", .enabled(if: SandboxEndToEnd.binaryExists), .serialized)
struct ConsoleEndpointTests {
    func open(_ endpoint: String, _ cli: CLI) throws -> TmuxConsole {
        try TmuxConsole(["--endpoint", endpoint, "--refresh", "off"], cli: cli, extraEnvironment: CLIEndpointTests.environment)
    }

    /// Bonita: walter.bates selected, his four memberships loaded and focused.
    func focusWaltersMemberships(_ console: TmuxConsole) async throws {
        try await console.waitFor(text: "walter.bates")
        try await filter(console, "walter")
        try await console.waitFor(text: "Memberships of walter.bates (4)")
        try await console.send("Tab")
    }

    func filter(_ console: TmuxConsole, _ text: String) async throws {
        try await console.type("/" + text)
        try await console.send("Enter")
    }

    @Test("Rackspace: the console works as on Glance v2 and shows an over-limit wait in the header")
    func rackspace() async throws {
        try await CLIEndpointTests.withEndpoints { cli, sandbox in
            await sandbox.environment.throttle.set(.init(status: 413, retryAfterSeconds: 4, remainingRequests: 1))
            let console = try open("rax", cli)
            defer { console.close() }
            try await console.waitFor(text: "over limit, retry in")
            try await console.waitFor(text: "golden-ubuntu-24.04-har", timeout: 20)
            let header = try #require(try await console.screen().split(separator: "\n").first)
            #expect(header.contains(" rax "))
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("Rackspace: a wait longer than the console makes (Retry-After: 120) is named and counted down, and the retry waits for it")
    func rackspaceLongWait() async throws {
        try await CLIEndpointTests.withEndpoints { cli, sandbox in
            await sandbox.environment.throttle.set(.init(status: 413, retryAfterSeconds: 120, remainingRequests: 1))
            let console = try open("rax", cli)
            defer { console.close() }
            // The header counts the wait down and says the images are stale; the console's own retry
            // waits for the server's time (not 2 s).
            let screen = try await console.waitFor("the wait counted down") {
                $0.contains("over limit, retry in 1") && $0.contains(" STALE ")
            }
            #expect(screen.contains("retry in 1") && !screen.contains("retry in 2s"), "\(screen)")
            // E: the whole refusal, the wait named.
            try await console.send("E")
            try await console.waitFor(text: "the server asks to wait 120 s before trying again")
            try await console.send("Escape")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("Glance v1: browse an image's members, toggle can_share with c, add with +, remove with d")
    func glanceV1() async throws {
        try await CLIEndpointTests.withEndpoints { cli, _ in
            let console = try open("old", cli)
            defer { console.close() }
            let image = "golden-debian-12-hardened"
            try await console.waitFor(text: image)
            try await filter(console, image)
            try await console.waitFor(text: "Members of \(image) (2)")
            try await console.send("Tab")
            try await filter(console, "d4a6")
            try await console.send("c")
            // Messages name the image by its name, not its id.
            try await console.waitFor(text: "on \(image): can share → no: done")
            let listed = try await cli.memberdeck(["--endpoint", "old", "members", "list", image, "-f", "value"], extraEnvironment: CLIEndpointTests.environment)
            #expect(listed.stdout.contains("d4a6c3f52ebf4fa0b15c9d8e7f6a5b43 False"), "\(listed.stdout)")
            try await console.send("Escape")
            try await console.send("+")
            // Members are Keystone projects: text that is neither a known name nor an id is refused.
            try await console.type("p-e2e")
            try await console.send("Enter")
            try await console.waitFor(text: "no project named 'p-e2e' is known")
            try await console.send("+")
            let webapps = KeystoneDirectory.projectID("webapps")
            try await console.type(webapps)
            try await console.send("Enter")
            // The row itself, settled (the add shows the row in flight at once).
            try await console.waitFor("the new member row, settled") { screen in
                screen.split(separator: "\n").contains { $0.contains("│ \(webapps) ") && !$0.contains("adding") }
            }
            try await filter(console, webapps)
            try await console.send("d")
            // The dialog wraps the long id; it names the image by its name.
            try await console.waitFor("the remove dialog") { $0.contains("─ Remove ─") && $0.contains("\(image)?") }
            try await console.send("y")
            try await console.waitFor(text: "nothing matches /\(webapps)")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("Atmosphere: expand an image, pick a group for a version with +, remove it with d")
    func atmosphere() async throws {
        try await CLIEndpointTests.withEndpoints { cli, _ in
            let console = try open("atmo", cli)
            defer { console.close() }
            try await console.waitFor(text: "Genomics Workbench")
            try await filter(console, "Genomics")
            try await console.send("Enter")
            try await console.waitFor(text: "2024.1")
            try await console.send("j")
            try await console.waitFor(text: "Groups that may launch Genomics Workbench:2024")
            try await console.send("Tab")
            try await console.send("+")
            try await console.waitFor(text: "find:")
            try await console.type("teach")
            try await console.waitFor(text: "teaching-2026")
            try await console.send("Enter")
            try await console.waitFor(text: "add teaching-2026 to Genomics Workbench:2024.1: done")
            let listed = try await cli.memberdeck(["--endpoint", "atmo", "memberships", "list", "--version", "Genomics Workbench:2024.1", "-f", "value"],
                                                  extraEnvironment: CLIEndpointTests.environment)
            #expect(listed.stdout.contains("teaching-2026"), "\(listed.stdout)")
            try await filter(console, "teach")
            try await console.send("d")
            try await console.waitFor(text: "Cancel")
            try await console.send("y")
            try await console.waitFor(text: ": done")
            let after = try await cli.memberdeck(["--endpoint", "atmo", "memberships", "list", "--version", "Genomics Workbench:2024.1", "-f", "value"],
                                                 extraEnvironment: CLIEndpointTests.environment)
            #expect(!after.stdout.contains("teaching-2026"), "\(after.stdout)")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("Bonita: a user's memberships, + picks a group then a role, d removes")
    func bonita() async throws {
        try await CLIEndpointTests.withEndpoints { cli, _ in
            let console = try open("bonita", cli)
            defer { console.close() }
            try await focusWaltersMemberships(console)
            try await console.send("+")
            try await console.waitFor(text: "Group for walter.bates")
            try await console.type("finance")
            // Enter chooses only once the list has loaded and shows the match.
            try await console.waitFor(text: "/acme/finance  Finance")
            try await console.send("Enter")
            try await console.waitFor(text: "Role of walter.bates in /acme/finance")
            try await console.type("direct")
            try await console.waitFor(text: "director  Director")
            try await console.send("Enter")
            try await console.waitFor(text: "Memberships of walter.bates (5)")
            let listed = try await cli.memberdeck(["--endpoint", "bonita", "memberships", "list", "--user", "walter.bates", "-f", "value"],
                                                  extraEnvironment: CLIEndpointTests.environment)
            #expect(listed.stdout.contains("/acme/finance director"), "\(listed.stdout)")
            try await filter(console, "finance")
            try await console.send("d")
            try await console.waitFor(text: "Cancel")
            try await console.send("y")
            try await console.waitFor(text: "Memberships of walter.bates (0/4) /finance")
            // The help lists no status keys for Bonita.
            try await console.send("?")
            let help = try await console.waitFor(text: "Keys")
            #expect(!help.contains("accept"))
            #expect(!help.contains("can share"))
            try await console.send("Escape")
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }

    @Test("Bonita over a slow link: the removal shows removing… on its row, then the row goes; the hints speak Bonita")
    func bonitaInFlight() async throws {
        try await CLIEndpointTests.withEndpoints { cli, sandbox in
            let console = try open("bonita", cli)
            defer { console.close() }
            try await focusWaltersMemberships(console)
            let hints = try await console.waitFor(text: "+ add membership")
            #expect(!hints.contains("+ share"), "\(hints)")
            // Every change now takes three seconds to answer: long enough to read the row in flight.
            await sandbox.environment.writeLatency.set(.seconds(3))
            try await console.send("d")
            try await console.waitFor(text: "Cancel")
            try await console.send("y")
            let inFlight = try await console.waitFor(text: "removing…")
            let row = try #require(TmuxConsole.line(containing: "removing…", in: inFlight))
            #expect(row.contains("│"), "the marker is on a pane row: \(row)")
            try await console.waitFor(text: "Memberships of walter.bates (3)", timeout: 30)
            #expect(try await console.screen().contains("removing…") == false)
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
    }
}
