import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Sandbox
import Testing

/// The embedded sandbox as users meet it: the console on a machine with no cloud, the CLI with
/// `--sandbox`, and `memberdeck sandbox serve` processes sharing one data file.
@Suite("Sandbox end to end", .enabled(if: SandboxEndToEnd.binaryExists), .serialized)
struct SandboxEndToEndTests {
    /// No clouds.yaml anywhere and no OS_* variables: the console must open on the sandbox.
    static let noCloud = ["OS_CLIENT_CONFIG_FILE": "/nonexistent/clouds.yaml"]

    @Test("with no cloud the console opens on the sandbox's demo inbox; an accept survives a restart")
    func consoleDefault() async throws {
        let cli = CLI()
        let name = "kafka-3.7-broker"
        do {
            let console = try TmuxConsole([], cli: cli, extraEnvironment: Self.noCloud)
            defer { console.close() }
            // The first start creates and seeds the sandbox file: give it room on a loaded machine.
            let first = try await console.waitFor("the demo inbox") { ConsoleEndToEndTests.status(of: name, in: $0) == "pending" }
            let header = try #require(first.split(separator: "\n").first)
            #expect(header.contains("sandbox"))
            #expect(header.contains("cora@analytics"))
            try await console.type(":inbox")
            try await console.send("Enter")
            try await console.type("/" + name)
            try await console.send("Enter")
            try await console.send("a")
            try await console.waitFor("accepted on screen") { ConsoleEndToEndTests.status(of: name, in: $0) == "accepted" }
            try await console.send("q")
            try await console.waitFor(text: "EXITED:0")
        }
        let console = try TmuxConsole([], cli: cli, extraEnvironment: Self.noCloud)
        defer { console.close() }
        try await console.waitFor("the accept, after a restart") { ConsoleEndToEndTests.status(of: name, in: $0) == "accepted" }
        try await console.send("q")
        try await console.waitFor(text: "EXITED:0")
        let listed = try await cli.memberdeck(["--sandbox", "members", "list", name, "-f", "value"], extraEnvironment: Self.noCloud)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(" accepted "), "\(listed.stdout)")
    }

    @Test("the CLI with --sandbox: owner and member views, answers, reset, and clear errors")
    func commandLine() async throws {
        let cli = CLI()
        let image = "golden-ubuntu-24.04-hardened"
        let owner = try await cli.memberdeck(["--sandbox", "--sandbox-user", "olivia", "members", "list", image, "-f", "json"], extraEnvironment: Self.noCloud)
        #expect(owner.status == 0, "\(owner.stderr)")
        #expect((try owner.json() as? [[String: Any]])?.count == 3)
        let accept = try await cli.memberdeck(["members", "accept", image, "--sandbox", "-f", "value"], extraEnvironment: Self.noCloud)
        #expect(accept.status == 0, "\(accept.stderr)")
        #expect(accept.stdout.contains(" accepted "))
        let reset = try await cli.memberdeck(["sandbox", "reset"], extraEnvironment: Self.noCloud)
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(reset.stdout.contains("restored to the demo seed"))
        let after = try await cli.memberdeck(["--sandbox", "members", "list", image, "-f", "value"], extraEnvironment: Self.noCloud)
        #expect(after.stdout.contains(" pending "), "\(after.stdout)")

        let both = try await cli.memberdeck(["--sandbox", "--os-cloud", "x", "images", "list"], extraEnvironment: Self.noCloud)
        #expect(both.status == 2)
        #expect(both.stderr.contains("--sandbox and --os-cloud exclude each other"))
        let nobody = try await cli.memberdeck(["--sandbox-user", "mallory", "images", "list"], extraEnvironment: Self.noCloud)
        #expect(nobody.status == 2)
        #expect(nobody.stderr.split(separator: "\n").count == 1)
        #expect(nobody.stderr.contains("no sandbox account named 'mallory'"))
        let noCloud = try await cli.memberdeck(["images", "list"], extraEnvironment: Self.noCloud)
        #expect(noCloud.status == 2)
        #expect(noCloud.stderr.contains("--sandbox uses memberdeck's own sandbox"))
    }

    @Test("navigation as an operator uses it: Esc back to the inbox, h from the bottom-right pane, : history, Tab choices, S, the position")
    func navigation() async throws {
        let cli = CLI()
        let console = try TmuxConsole([], cli: cli, extraEnvironment: Self.noCloud)
        defer { console.close() }
        // The footer's hints tell which pane has the focus.
        func footer(_ screen: String) -> String { String(screen.split(separator: "\n").last ?? "") }
        try await console.waitFor("the demo inbox") { ConsoleEndToEndTests.status(of: "kafka-3.7-broker", in: $0) == "pending" }
        try await console.type(":inbox")
        try await console.send("Enter")
        try await console.waitFor("the inbox focused") { footer($0).hasPrefix("a accept  r reject  p pending  space mark  enter open") }
        try await console.send("Enter")
        try await console.waitFor("the share's members focused") { footer($0).contains("d remove") }
        try await console.send("Escape")
        try await console.waitFor("back in the inbox, not the images") { footer($0).hasPrefix("a accept  r reject  p pending  space mark  enter open") }
        try await console.send("h")
        try await console.waitFor("h from the bottom-right pane: the images") { footer($0).hasPrefix("enter open  + share") }
        // The bottom border says where the cursor is: j moves it one row down.
        let before = try await console.screen()
        let place = { (screen: String) -> Int? in
            guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix("└") && $0.contains("┘└") }),
                  let border = line.components(separatedBy: "┘└").first,
                  let slash = border.lastIndex(of: "/") else { return nil }
            return Int(border[..<slash].split(separator: " ").last ?? "")
        }
        let start = try #require(place(before))
        try await console.send("j")
        try await console.waitFor("the position in the border") { place($0) == start + 1 }
        try await console.send("S")
        try await console.waitFor(text: "sorted by Name, descending")
        // : remembers the last command; Tab with nothing to add says what may follow.
        try await console.type(":")
        try await console.send("Up")
        try await console.waitFor("the last command in the prompt") { footer($0).hasPrefix(":inbox") }
        try await console.send("C-u")
        try await console.type("endpoint ")
        try await console.send("Tab")
        try await console.waitFor(text: ":endpoint   no endpoints in config.yaml")
        try await console.send("Escape")
        try await console.send("q")
        try await console.waitFor(text: "EXITED:0")
    }

    @Test("the server stopped under a running console: STALE in the header, rows kept; restarted: current again with no key pressed; also after a failed first login")
    func staleAndReconnect() async throws {
        let directory = NSTemporaryDirectory() + "md-stale-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let port = try ClosedPort.make()
        let data = directory + "/s.sqlite"
        var server = try SandboxProcess.start(data: data, log: directory + "/1.out", port: port)
        defer { server.kill() }
        _ = try await server.waitForURL()
        let clouds = directory + "/clouds.yaml"
        try server.cloudsYAML().write(toFile: clouds, atomically: true, encoding: .utf8)
        let environment = ["OS_CLIENT_CONFIG_FILE": clouds]
        let name = "kafka-3.7-broker"

        let console = try TmuxConsole(["--os-cloud", "sandbox-cora", "--refresh", "1"], extraEnvironment: environment)
        defer { console.close() }
        try await console.waitFor("the inbox, current") { screen in
            ConsoleEndToEndTests.status(of: name, in: screen) == "pending" && (screen.split(separator: "\n").first?.contains(" ago") ?? false)
        }
        server.kill()
        let stale = try await console.waitFor("STALE in the header") { $0.split(separator: "\n").first?.contains("STALE") ?? false }
        #expect(stale.contains(name), "the rows stay on screen")
        server = try SandboxProcess.start(data: data, log: directory + "/2.out", port: port)
        _ = try await server.waitForURL()
        try await console.waitFor("current again, no key pressed") { screen in
            let header = screen.split(separator: "\n").first ?? ""
            return !header.contains("STALE") && header.contains(" ago")
        }
        try await console.send("q")
        try await console.waitFor(text: "EXITED:0")

        // A first login while the server is down: the console says so and logs in once it is back.
        server.kill()
        let waiting = try TmuxConsole(["--os-cloud", "sandbox-olivia", "--refresh", "off"], extraEnvironment: environment)
        defer { waiting.close() }
        try await waiting.waitFor("the failed login and the next try") { $0.contains("retry in") }
        server = try SandboxProcess.start(data: data, log: directory + "/3.out", port: port)
        _ = try await server.waitForURL()
        try await waiting.waitFor("logged in by itself", timeout: 90) { $0.split(separator: "\n").first?.contains("olivia@imaging") ?? false }
        try await waiting.send("q")
        try await waiting.waitFor(text: "EXITED:0")
    }

    @Test("sandbox serve stops cleanly on SIGTERM and on SIGINT", arguments: [SIGTERM, SIGINT])
    func serveStops(signal: Int32) async throws {
        let directory = NSTemporaryDirectory() + "md-stop-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try SandboxProcess.start(data: directory + "/s.sqlite", log: directory + "/out")
        defer { server.kill() }
        let base = try await server.waitForURL()
        _ = try await SandboxEndToEnd.token(base: base, user: "cora")
        _ = Foundation.kill(server.process.processIdentifier, signal)
        for _ in 0..<200 where server.process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.process.isRunning)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        // A normal stop logs nothing (it used to log "Waiting on child channel: CancellationError()").
        let output = (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? ""
        #expect(!output.contains("CancellationError") && !output.lowercased().contains("error"), "\(output)")
    }

    @Test("two sandbox serve processes share one file; killing one mid-write leaves whole lists and a sound file")
    func twoProcessesAndAKill() async throws {
        let directory = NSTemporaryDirectory() + "md-serve-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/shared.sqlite"
        let first = try SandboxProcess.start(data: data, log: directory + "/a.out")
        defer { first.kill() }
        let second = try SandboxProcess.start(data: data, log: directory + "/b.out")
        defer { second.kill() }
        let urlA = try await first.waitForURL(), urlB = try await second.waitForURL()
        #expect(urlA != urlB)

        let token = try await SandboxEndToEnd.token(base: urlA, user: "olivia")
        let created = try await SandboxEndToEnd.send(.POST, urlA + "/image/v2/images", token: token, body: #"{"name":"contended","disk_format":"raw","container_format":"bare"}"#)
        let image = try #require((try JSONSerialization.jsonObject(with: Data(created.body.utf8)) as? [String: Any])?["id"] as? String)

        // Whole-list replaces through both processes at once; the second is killed part-way.
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for (index, base) in [urlA, urlB].enumerated() {
                group.addTask {
                    var seen: [Int] = []
                    for round in 0..<40 {
                        let list = (0..<10).map { #"{"member_id":"p\#(index)-r\#(round)-m\#($0)","can_share":true}"# }.joined(separator: ",")
                        if index == 1, round == 12 {
                            // Kill the process while this replace is in flight.
                            async let inFlight = SandboxEndToEnd.send(.PUT, base + "/image-v1/v1/images/\(image)/members", token: token, body: #"{"memberships":[\#(list)]}"#)
                            try await Task.sleep(for: .milliseconds(1))
                            second.kill()
                            _ = try? await inFlight
                            break
                        }
                        do {
                            let answer = try await SandboxEndToEnd.send(.PUT, base + "/image-v1/v1/images/\(image)/members", token: token, body: #"{"memberships":[\#(list)]}"#)
                            seen.append(answer.status)
                        } catch {
                            guard index == 1 else { throw error }
                            break
                        }
                    }
                    return seen
                }
            }
            var all: [Int] = []
            for try await part in group { all += part }
            return all
        }
        #expect(!statuses.isEmpty)
        #expect(statuses.allSatisfy { $0 == 204 }, "\(statuses)")

        let listing = try await SandboxEndToEnd.send(.GET, urlA + "/image-v1/v1/images/\(image)/members", token: token, body: nil)
        let members = ((try JSONSerialization.jsonObject(with: Data(listing.body.utf8)) as? [String: Any])?["members"] as? [[String: Any]] ?? [])
            .compactMap { $0["member_id"] as? String }
        #expect(members.count == 10, "\(members)")
        let batches = Set(members.map { $0.split(separator: "-").prefix(2).joined(separator: "-") })
        #expect(batches.count == 1, "one replace's list, whole: \(members)")

        let restarted = try SandboxProcess.start(data: data, log: directory + "/c.out")
        defer { restarted.kill() }
        let urlC = try await restarted.waitForURL()
        let again = try await SandboxEndToEnd.send(.GET, urlC + "/image-v1/v1/images/\(image)/members", token: token, body: nil)
        #expect(again.status == 200)
        first.kill()
        restarted.kill()
        let database = try await SandboxDatabase.open(path: data)
        #expect(try await database.integrityCheck() == "ok")
    }
}

enum SandboxEndToEnd {
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: CLI.memberdeckBinary) || ReferenceStack.isCI }

    static func token(base: String, user: String) async throws -> String {
        let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(user)","domain":{"name":"Default"},"password":"sandbox"}}}}}"#
        var request = HTTPClientRequest(url: base + "/identity/v3/auth/tokens")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        guard let token = response.headers.first(name: "X-Subject-Token") else { throw StackUnavailable(message: "no token from \(base)") }
        return token
    }

    static func send(_ method: HTTPMethod, _ url: String, token: String, body: String?) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "X-Auth-Token", value: token)
        request.headers.add(name: "Accept", value: "application/json")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 22)
        return (Int(response.status.code), String(buffer: buffer))
    }
}

/// `memberdeck sandbox serve --data FILE` as a separate process, its output in a file.
final class SandboxProcess: @unchecked Sendable {
    let process: Process
    let log: String

    /// - Parameter seed: `--seed` for a new data file (nil: the command's default, demo).
    static func start(data: String, log: String, port: Int = 0, seed: String? = nil) throws -> SandboxProcess {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.memberdeckBinary)
        process.arguments = ["sandbox", "serve", "--data", data, "--port", String(port)] + (seed.map { ["--seed", $0] } ?? [])
        process.environment = CLI().environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = process.standardOutput
        try ProcessRunner.launch(process)
        return SandboxProcess(process: process, log: log)
    }

    private init(process: Process, log: String) {
        self.process = process
        self.log = log
    }

    /// The base URL from the first line the server prints.
    func waitForURL() async throws -> String {
        for _ in 0..<300 {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("memberdeck sandbox listening on ") }) {
                return String(line.dropFirst("memberdeck sandbox listening on ".count))
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw StackUnavailable(message: "sandbox serve did not start: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
    }

    /// The clouds.yaml the banner prints (from `clouds:` to the blank line after it).
    func cloudsYAML() throws -> String {
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != "clouds:" }
        return lines.prefix { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

    /// SIGKILL: no chance to finish a transaction.
    func kill() {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
