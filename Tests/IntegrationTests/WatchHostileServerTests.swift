import Foundation
import HostileServer
import Testing

/// `memberdeck watch` against a hostile server on loopback (Keystone and Glance at once; no
/// reference stack): reads that fail or stop early are stale lines, never changes.
@Suite("Watch against a hostile server")
struct WatchHostileServerTests {
    let cli = CLI()

    @Test("watch: a cut-short listing and a 503 are stale lines, never removals; Retry-After is kept; the recovery says reconnected and shows the change")
    func watchStaleThenReconnected() async throws {
        // Each look starts with the listing of my shared images: the first is the baseline, the
        // second never ends (cut at paging.max_items), the third is refused with Retry-After (which
        // --no-wait leaves to the watch's own retry), the fourth has m1 accepted.
        let looks = LookCounter()
        let (server, environment) = try await HostileCLI.start(cli) { request in
            if request.path.hasSuffix("/members") {
                let status = looks.value >= 4 ? "accepted" : "pending"
                return .json(200, object: ["members": [["member_id": "m1", "image_id": "img-1", "status": status]]])
            }
            guard request.path.hasSuffix("/v2/images") else { return .json(404, object: ["error": ["message": "no such thing"]]) }
            if request.query("member_status") != nil, request.query("owner") == nil { return .json(200, object: ["images": [Any]()]) }
            let look = request.query("owner") == nil ? looks.value : looks.next()
            switch look {
            case 2: return Self.endlessPage(request)
            case 3: return .json(503, object: ["error": ["message": "database on fire"]], headers: [("Retry-After", "5")])
            default: return .json(200, object: ["images": [FakeOpenStack.image(id: "img-1", name: "golden")]])
            }
        }
        defer { Task { await server.stop() } }
        try FileManager.default.createDirectory(atPath: cli.home + "/config/memberdeck", withIntermediateDirectories: true)
        try "paging:\n  max_items: 5\n".write(toFile: cli.home + "/config/memberdeck/config.yaml", atomically: true, encoding: .utf8)
        let watch = WatchProcess(cli: cli, ["watch", "--once", "-f", "json", "--interval", "1", "--no-wait"], extraEnvironment: environment, limit: 60)
        let result = try await watch.result()
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let lines = watch.jsonLines()
        #expect(lines.count == 1 && result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        #expect(lines.first?["change"] as? String == "status" && lines.first?["member_id"] as? String == "m1"
                && lines.first?["from"] as? String == "pending" && lines.first?["to"] as? String == "accepted", "\(result.stdout)")
        let stderr = result.stderr.split(separator: "\n").map(String.init)
        let stale = stderr.filter { $0.hasPrefix("memberdeck: cloud 'hostile (RegionOne)': stale since ") }
        #expect(stale.count == 2, "\(result.stderr)")
        #expect(stale.first?.contains("stopped listing images") == true && stale.first?.hasSuffix("; retrying in 2s") == true, "\(result.stderr)")
        // The backoff's 4 s gives way to the server's 5.
        #expect(stale.last?.contains("database on fire") == true && stale.last?.hasSuffix("; retrying in 5s") == true, "\(result.stderr)")
        #expect(stderr.filter { $0 == "memberdeck: cloud 'hostile (RegionOne)': reconnected" }.count == 1, "\(result.stderr)")
    }

    @Test("watch --once on one cloud whose credentials are refused before the first look: one line and exit 1, not an endless wait")
    func refusedCredentialsEndTheWatch() async throws {
        let (server, environment) = try await HostileCLI.start(cli) { _ in
            .json(403, object: ["error": ["message": "You are not authorized to perform the requested action."]])
        }
        defer { Task { await server.stop() } }
        let watch = WatchProcess(cli: cli, ["watch", "--once", "--interval", "1"], extraEnvironment: environment, limit: 60)
        let result = try await watch.result()
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("memberdeck: error: ") && lines[0].contains("403"), "\(result.stderr)")
    }

    /// A page of images with fresh ids and a `next` link that always goes on.
    static func endlessPage(_ request: HostileRequest) -> HostileReply {
        let page = Int(request.query("page") ?? "0") ?? 0
        return .json(200, object: ["images": [FakeOpenStack.image(id: "endless-\(page)", name: "n")], "next": "/v2/images?marker=endless-\(page)&page=\(page + 1)"])
    }
}

/// Counts the looks a watch takes, from the hostile server's threads.
final class LookCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func next() -> Int { lock.withLock { count += 1; return count } }
}
