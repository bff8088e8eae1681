import Foundation
import Sandbox
import Testing

/// The command line on every kind of endpoint, against an in-process sandbox, as a script would use it.
@Suite("CLI on Glance v1, Rackspace, Atmosphere and Bonita endpoints", .enabled(if: SandboxEndToEnd.binaryExists))
struct CLIEndpointTests {
    /// A sandbox and a CLI home whose config.yaml names one endpoint of each kind.
    static func withEndpoints(mode: Int = 0o600, _ body: (CLI, RunningSandbox) async throws -> Void) async throws {
        let directory = NSTemporaryDirectory() + "md-endpoints-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sandbox = try await SandboxServer.start(database: try await SandboxDatabase.open(path: directory + "/s.sqlite"))
        let cli = CLI()
        let urls = sandbox.urls
        let config = """
            endpoints:
              - name: old
                kind: glance-v1
                url: \(urls.imageV1)
                auth_url: \(urls.identity)
                username: olivia
                password: sandbox
                project_name: imaging
              - name: rax
                kind: rackspace
                url: \(urls.rackspace)
                auth_url: \(urls.identity)
                username: olivia
                password_command: echo sandbox
                project_name: imaging
              - name: atmo
                kind: atmosphere
                url: \(urls.atmosphere)
                username: olivia
                password: ${ATMO_PASSWORD}
              - name: bonita
                kind: bonita
                url: \(urls.bonita)
                username: helen.kelly
                password: bpm
            """
        let path = cli.home + "/config/memberdeck/config.yaml"
        try FileManager.default.createDirectory(atPath: cli.home + "/config/memberdeck", withIntermediateDirectories: true)
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        do {
            try await body(cli, sandbox)
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    static let environment = ["ATMO_PASSWORD": "sandbox", "OS_CLIENT_CONFIG_FILE": "/nonexistent/clouds.yaml"]

    func run(_ cli: CLI, _ arguments: String...) async throws -> ProcessResult {
        try await cli.memberdeck(arguments, extraEnvironment: Self.environment)
    }

    @Test("Glance v1: list, add with can_share, replace, shared-images, remove; v2-only verbs refused in one line")
    func glanceV1() async throws {
        try await Self.withEndpoints { cli, _ in
            let image = "golden-debian-12-hardened"
            // The sandbox's v1 members are not Keystone projects: --id takes them as given.
            let added = try await run(cli, "--endpoint", "old", "members", "add", image, "p-new", "--id", "--can-share", "-f", "value")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("p-new True"))
            // Without --id it is a project name, which no source knows: refused, v1 untouched.
            let unnamed = try await run(cli, "--endpoint", "old", "members", "add", image, "p-other")
            #expect(unnamed.status == 2)
            #expect(unnamed.stderr.contains("no project named 'p-other' is known"), "\(unnamed.stderr)")
            let replaced = try await run(cli, "--endpoint", "old", "members", "replace", image, "p-a:share", "p-b", "-f", "json")
            #expect(replaced.status == 0, "\(replaced.stderr)")
            let rows = try #require(try replaced.json() as? [[String: Any]])
            #expect(Set(rows.compactMap { $0["member_id"] as? String }) == ["p-a", "p-b"])
            #expect(rows.first { $0["member_id"] as? String == "p-a" }?["can_share"] as? Bool == true)
            // No source names these made-up members: member_name is there, and null.
            #expect(rows.allSatisfy { $0.keys.contains("member_name") && $0["member_name"] is NSNull })
            let shared = try await run(cli, "--endpoint", "old", "shared-images", "p-a", "-f", "value")
            #expect(shared.stdout.contains("p-a True"))
            let removed = try await run(cli, "--endpoint", "old", "members", "remove", image, "p-b", "--id")
            #expect(removed.status == 0)
            let list = try await run(cli, "--endpoint", "old", "members", "list", image, "-f", "value")
            #expect(list.stdout.split(separator: "\n").count == 1)
            let accept = try await run(cli, "--endpoint", "old", "members", "accept", image)
            #expect(accept.status == 2)
            #expect(accept.stderr == "memberdeck: error: endpoint 'old' is glance-v1: use members list|add|remove|replace and shared-images\n")
            let badShare = try await run(cli, "--endpoint", "old", "members", "replace", image, "p-a:maybe")
            #expect(badShare.status == 2)
            #expect(badShare.stderr.contains("after the colon write share or noshare"))
        }
    }

    @Test("Rackspace: members list waits out an over-limit answer and says so on stderr")
    func rackspace() async throws {
        try await Self.withEndpoints { cli, sandbox in
            await sandbox.environment.throttle.set(.init(status: 413, retryAfterSeconds: 1, remainingRequests: 1))
            let listed = try await run(cli, "--endpoint", "rax", "members", "list", "golden-ubuntu-24.04-hardened", "-f", "value")
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.split(separator: "\n").count == 3)
            #expect(listed.stderr.contains("over limit (413); retrying in 1 s"))
        }
    }

    @Test("Rackspace: with --no-wait a server's wait is not made: exit 1 naming it")
    func rackspaceNoWait() async throws {
        try await Self.withEndpoints { cli, sandbox in
            await sandbox.environment.throttle.set(.init(status: 413, retryAfterSeconds: 120, remainingRequests: 1))
            let listed = try await run(cli, "--no-wait", "--endpoint", "rax", "members", "list", "golden-ubuntu-24.04-hardened")
            #expect(listed.status == 1)
            #expect(listed.stdout.isEmpty)
            #expect(listed.stderr.contains("413 Request Entity Too Large: OverLimit Retry..."), "\(listed.stderr)")
            #expect(listed.stderr.contains("the server asks to wait 120 s before trying again"), "\(listed.stderr)")
            #expect(!listed.stderr.contains("retrying"))
        }
    }

    @Test("Atmosphere: list, add VERSION GROUP by names, duplicate refused, remove by id or by VERSION GROUP")
    func atmosphere() async throws {
        try await Self.withEndpoints { cli, _ in
            let before = try await run(cli, "--endpoint", "atmo", "memberships", "list", "-f", "json")
            #expect(before.status == 0, "\(before.stderr)")
            let count = (try before.json() as? [[String: Any]])?.count ?? 0
            #expect(count >= 10)
            let added = try await run(cli, "--endpoint", "atmo", "memberships", "add", "Genomics Workbench:2024.1", "teaching-2026", "-f", "json")
            #expect(added.status == 0, "\(added.stderr)")
            let id = try #require((try added.json() as? [String: Any])?["id"] as? Int)
            let again = try await run(cli, "--endpoint", "atmo", "memberships", "add", "Genomics Workbench:2024.1", "teaching-2026")
            #expect(again.status == 1)
            #expect(again.stderr.contains("must make a unique set"))
            let one = try await run(cli, "--endpoint", "atmo", "memberships", "list", "--version", "Genomics Workbench:2024.1", "-f", "value")
            #expect(one.stdout.contains("teaching-2026"))
            let removed = try await run(cli, "--endpoint", "atmo", "memberships", "remove", String(id))
            #expect(removed.status == 0, "\(removed.stderr)")
            let gone = try await run(cli, "--endpoint", "atmo", "memberships", "remove", String(id))
            #expect(gone.status == 1)
            // By the names the console shows (and add takes): VERSION GROUP.
            let readded = try await run(cli, "--endpoint", "atmo", "memberships", "add", "Genomics Workbench:2024.1", "teaching-2026", "-f", "json")
            let newID = try #require((try readded.json() as? [String: Any])?["id"] as? Int)
            let byNames = try await run(cli, "--endpoint", "atmo", "memberships", "remove", "Genomics Workbench:2024.1", "teaching-2026", "-f", "json")
            #expect(byNames.status == 0, "\(byNames.stderr)")
            #expect((try byNames.json() as? [String: Any])?["id"] as? Int == newID)
            let left = try await run(cli, "--endpoint", "atmo", "memberships", "list", "--version", "Genomics Workbench:2024.1", "-f", "value")
            #expect(!left.stdout.contains("teaching-2026"))
            let noSuch = try await run(cli, "--endpoint", "atmo", "memberships", "remove", "Genomics Workbench:2024.1", "teaching-2026")
            #expect(noSuch.status == 1)
            #expect(noSuch.stderr.contains("there is no such membership to remove"), "\(noSuch.stderr)")
            let notANumber = try await run(cli, "--endpoint", "atmo", "memberships", "remove", "seven")
            #expect(notANumber.status == 2)
            #expect(notANumber.stderr.split(separator: "\n").count == 1 && notANumber.stderr.contains("not 'seven'"))
            let wrong = try await run(cli, "--endpoint", "atmo", "memberships", "add", "only-one")
            #expect(wrong.status == 2)
            #expect(wrong.stderr == "memberdeck: error: Atmosphere: memberships add VERSION GROUP (got 1 arguments)\n")
        }
    }

    @Test("Bonita: list --user with an order, add USER GROUP ROLE, duplicate is 'already a member', remove")
    func bonita() async throws {
        try await Self.withEndpoints { cli, _ in
            let listed = try await run(cli, "--endpoint", "bonita", "memberships", "list", "--user", "walter.bates", "--order", "GROUP_NAME_ASC", "-f", "json")
            #expect(listed.status == 0, "\(listed.stderr)")
            let groups = (try listed.json() as? [[String: Any]] ?? []).compactMap { $0["group"] as? String }
            #expect(groups == ["/acme/hr", "/acme/it/lab", "/acme/sales/latin_america", "/acme/marketing"])
            let added = try await run(cli, "--endpoint", "bonita", "memberships", "add", "walter.bates", "/acme/finance", "member", "-f", "value")
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("walter.bates"))
            let duplicate = try await run(cli, "--endpoint", "bonita", "memberships", "add", "walter.bates", "/acme/finance", "member")
            #expect(duplicate.status == 1)
            #expect(duplicate.stderr.contains("already a member"))
            let removed = try await run(cli, "--endpoint", "bonita", "memberships", "remove", "walter.bates", "/acme/finance", "member")
            #expect(removed.status == 0, "\(removed.stderr)")
            // The display names the console shows: Finance, Manager.
            let shown = try await run(cli, "--endpoint", "bonita", "memberships", "add", "walter.bates", "Finance", "Manager", "-f", "json")
            #expect(shown.status == 0, "\(shown.stderr)")
            let shownRow = try shown.json() as? [String: Any]
            let shownGroup = shownRow?["group"] as? String
            let shownRole = shownRow?["role"] as? String
            #expect(shownGroup == "/acme/finance" && shownRole == "manager", "\(shown.stdout)")
            let removedByShown = try await run(cli, "--endpoint", "bonita", "memberships", "remove", "walter.bates", "Finance", "Manager")
            #expect(removedByShown.status == 0, "\(removedByShown.stderr)")
            let unknown = try await run(cli, "--endpoint", "bonita", "memberships", "add", "walter.bates", "Finances", "Manager")
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no Bonita group with id, name, display name or path 'Finances'"), "\(unknown.stderr)")
            let badOrder = try await run(cli, "--endpoint", "bonita", "memberships", "list", "--user", "walter.bates", "--order", "BY_MOOD")
            #expect(badOrder.status == 2)
            #expect(badOrder.stderr.split(separator: "\n").count == 1)
            let noUser = try await run(cli, "--endpoint", "bonita", "memberships", "list")
            #expect(noUser.stderr == "memberdeck: error: Bonita memberships are listed per user: give --user USER\n")
        }
    }

    @Test("endpoints list hides secrets; a readable config with a password warns; an unknown endpoint is one line")
    func endpointsList() async throws {
        try await Self.withEndpoints(mode: 0o644) { cli, _ in
            let listed = try await run(cli, "endpoints", "list", "-f", "value")
            #expect(listed.status == 0)
            let names: [String] = listed.stdout.split(separator: "\n").map { line in String(line.prefix { $0 != " " }) }
            #expect(names == ["old", "rax", "atmo", "bonita"])
            #expect(!listed.stdout.contains("bpm"))
            #expect(listed.stderr.contains("others can read it (mode 644)"))
            let unknown = try await run(cli, "--endpoint", "qa", "images", "list")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.hasSuffix("memberdeck: error: invalid value for --endpoint: no endpoint named 'qa' (configured: old, rax, atmo, bonita)\n"))
        }
    }

    /// One manifest on one endpoint: a plan with changes (exit 3), applied, planned empty, then
    /// exported and the export planned empty too.
    func manifestRoundTrip(_ cli: CLI, endpoint: String, manifest: String, exportArguments: [String], expect planned: [String]) async throws {
        let path = cli.home + "/\(endpoint).yaml"
        try ("endpoint: \(endpoint)\n" + manifest).write(toFile: path, atomically: true, encoding: .utf8)
        let check = try await run(cli, "plan", path, "--check")
        #expect(check.status == 3, "\(endpoint): \(check.stdout) \(check.stderr)")
        for line in planned { #expect(check.stdout.contains(line), "\(endpoint): \(check.stdout)") }
        let applied = try await cli.memberdeck(["apply", path, "--yes"], extraEnvironment: Self.environment)
        #expect(applied.status == 0 && applied.stdout.contains("Applied \(planned.count) of \(planned.count) changes."), "\(endpoint): \(applied.stdout) \(applied.stderr)")
        let again = try await run(cli, "plan", path, "--check")
        #expect(again.status == 0, "\(endpoint): \(again.stdout) \(again.stderr)")
        let exportPath = cli.home + "/\(endpoint)-export.yaml"
        let exported = try await cli.memberdeck(["--endpoint", endpoint, "export", "-o", exportPath] + exportArguments, extraEnvironment: Self.environment)
        #expect(exported.status == 0, "\(endpoint): \(exported.stderr)")
        let replanned = try await run(cli, "plan", exportPath, "--check")
        #expect(replanned.status == 0, "\(endpoint): \(replanned.stdout) \(replanned.stderr) \((try? String(contentsOfFile: exportPath, encoding: .utf8)) ?? "")")
    }

    @Test("a manifest on each other system: Glance v1, Rackspace, Atmosphere and Bonita plan, apply, plan empty, export round trip")
    func manifests() async throws {
        try await Self.withEndpoints { cli, _ in
            try await manifestRoundTrip(cli, endpoint: "old", manifest: """
                shares:
                  - image: kafka-3.7-broker
                    can_share: true
                    members:
                      - id: p-manifest
                      - {id: p-quiet, can_share: false}
                """, exportArguments: ["--image", "kafka-3.7-broker"],
                expect: ["+ share kafka-3.7-broker → p-manifest  (can_share true)", "+ share kafka-3.7-broker → p-quiet  (can_share false)"])
            try await manifestRoundTrip(cli, endpoint: "rax", manifest: """
                shares:
                  - image: "spark-*"
                    exclusive: true
                    members: [c3f5b2e41dae4e9fa04b8c7d6e5f4a32]
                """, exportArguments: ["--all"],
                expect: ["+ share spark-3.5-worker → c3f5b2e41dae4e9fa04b8c7d6e5f4a32", "- remove spark-3.5-worker → d4a6c3f52ebf4fa0b15c9d8e7f6a5b43",
                         "- remove spark-3.5-worker → e5b7d4a63fc04ab1c26dae9f8a7b6c54"])
            try await manifestRoundTrip(cli, endpoint: "atmo", manifest: """
                shares:
                  - version: "Ubuntu 22.04 GIS:*"
                    members: [teaching-2026]
                """, exportArguments: ["--all"],
                expect: ["+ share Ubuntu 22.04 GIS:1.0 → teaching-2026", "+ share Ubuntu 22.04 GIS:1.1 → teaching-2026"])
            try await manifestRoundTrip(cli, endpoint: "bonita", manifest: """
                shares:
                  - user: walter.bates
                    members:
                      - {group: /acme/hr, role: manager}
                """, exportArguments: ["--user", "walter.bates", "--user", "helen.kelly"],
                expect: ["+ add walter.bates → manager of /acme/hr"])
            // Each system's own keys: a Glance v2 key on Bonita names the line and what Bonita takes.
            let path = cli.home + "/wrong.yaml"
            try "endpoint: bonita\nshares:\n  - user: walter.bates\n    accept: true\n".write(toFile: path, atomically: true, encoding: .utf8)
            let wrong = try await run(cli, "plan", path)
            #expect(wrong.status == 2 && wrong.stderr.contains("wrong.yaml: line 4: unknown key 'accept' in a share (Bonita takes user, members, exclusive)"), "\(wrong.stderr)")
        }
    }
}
