import Foundation
import MembershipKit
import Sandbox
import Testing

/// Project names: what counts as an id or a name, the alias book and the names cache on disk,
/// Keystone's project reads under its default policies, and the directory that merges them.
@Suite("Project names")
struct ProjectNameTests {
    static let analytics = KeystoneDirectory.projectID("analytics")
    static let imaging = KeystoneDirectory.projectID("imaging")

    @Test("ids are 32 hex digits or a UUID; names are plain text up to 64 characters, optionally name@domain; --id takes anything")
    func references() throws {
        #expect(try ProjectReference.parse("e5b7d4a63fc04ab1c26dae9f8a7b6c54") == .id("e5b7d4a63fc04ab1c26dae9f8a7b6c54"))
        #expect(try ProjectReference.parse("5e4d0023-6d0c-4e1a-9b7f-00d300000023") == .id("5e4d0023-6d0c-4e1a-9b7f-00d300000023"))
        #expect(try ProjectReference.parse("finance") == .name("finance", domain: nil))
        #expect(try ProjectReference.parse("finance team@Default") == .name("finance team", domain: "Default"))
        // Not 32 digits: a name (which must then be known), not an id.
        #expect(try ProjectReference.parse("e5b7d4a6") == .name("e5b7d4a6", domain: nil))
        for bad in [" finance", "fin\tance", "line\nbreak", String(repeating: "x", count: 65), "esc\u{1b}[2J"] {
            #expect(throws: ProjectReferenceError.notANameOrID(bad)) { try ProjectReference.parse(bad) }
        }
        #expect(throws: ProjectReferenceError.empty) { try ProjectReference.parse("") }
        #expect(try ProjectReference.parse("hello world", asID: true) == .id("hello world"))
    }

    @Test("the alias book round-trips per Keystone (0600), and a malformed file is an error naming its line")
    func aliasBook() throws {
        let directory = NSTemporaryDirectory() + "md-aliases-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var book = ProjectAliasBook(path: directory + "/projects.yaml")
        book.set("finance: the team", for: Self.analytics, authURL: "https://keystone.example/v3/")
        book.set("ops", for: Self.imaging, authURL: "https://other.example")
        try book.save()
        let mode = try FileManager.default.attributesOfItem(atPath: book.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        var loaded = try ProjectAliasBook.load(path: book.path)
        #expect(loaded.name(of: Self.analytics, authURL: "https://keystone.example") == "finance: the team")
        #expect(loaded.name(of: Self.analytics, authURL: "https://other.example/v3") == nil, "another Keystone's ids are other projects")
        #expect(loaded.ids(named: "ops", authURL: "https://other.example/v3") == [Self.imaging])
        loaded.set("", for: Self.imaging, authURL: "https://other.example")
        try loaded.save()
        #expect(try ProjectAliasBook.load(path: book.path).all(authURL: "https://other.example").isEmpty)
        try "https://keystone.example/v3:\n  - not a mapping\n".write(toFile: book.path, atomically: true, encoding: .utf8)
        #expect(throws: YAMLReadError.self) { try ProjectAliasBook.load(path: book.path) }
        #expect(try ProjectAliasBook.load(path: directory + "/missing.yaml").names.isEmpty)
    }

    @Test("the names cache keeps names a day and misses an hour; a huge or broken file is ignored")
    func cache() throws {
        let directory = NSTemporaryDirectory() + "md-names-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cache = ProjectNameCache(path: directory + "/project-names.json")
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        cache.record([ProjectName(id: Self.analytics, name: "analytics", source: ProjectName.Source.myProjects)], misses: ["nobody"],
                     authURL: "https://k/v3", now: t0)
        var loaded = cache.load(authURL: "https://k", now: t0.addingTimeInterval(1800))
        #expect(loaded.names[Self.analytics]?.name == "analytics" && loaded.misses == ["nobody"])
        loaded = cache.load(authURL: "https://k", now: t0.addingTimeInterval(7200))
        #expect(loaded.names.count == 1 && loaded.misses.isEmpty)
        #expect(cache.load(authURL: "https://k", now: t0.addingTimeInterval(25 * 3600)).names.isEmpty)
        try Data(repeating: 0x7B, count: 5 << 20).write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.load(authURL: "https://k", now: t0).names.isEmpty)
    }

    @Test("Keystone: a user lists its own projects and reads its own; only an admin reads or finds another")
    func keystoneReader() async throws {
        try await ClientSandbox.with { sandbox in
            let cora = KeystoneProjectReader(session: try sandbox.session("cora"))
            #expect(try await cora.myProjects().map(\.name) == ["analytics"])
            #expect(try await cora.project(id: Self.analytics)?.name == "analytics")
            #expect(try await cora.project(id: Self.imaging) == nil)
            #expect(try await cora.projects(named: "imaging") == nil)
            let admin = KeystoneProjectReader(session: try sandbox.session("admin"))
            #expect(try await admin.project(id: Self.imaging)?.name == "imaging")
            #expect(try await admin.project(id: "0123456789abcdef0123456789abcdef") == nil)
            #expect(try await admin.projects(named: "imaging")?.map(\.id) == [Self.imaging])
            #expect(try await admin.projects(named: "nope")?.isEmpty == true)
        }
    }

    static func directory(_ sandbox: ClientSandbox, _ user: String, transport: RecordingTransport, otherClouds: [String] = [],
                          aliases: ProjectAliasBook? = nil, cachePath: String? = nil) throws -> ProjectDirectory {
        let session = OpenStackSession(cloud: sandbox.cloud(user), transport: transport, tokenCache: nil)
        let clouds = otherClouds.map { sandbox.cloud($0) }
        return ProjectDirectory(session: session, aliases: aliases ?? ProjectAliasBook(path: "/nonexistent/projects.yaml"),
                                cache: cachePath.map(ProjectNameCache.init(path:)), otherClouds: clouds, tokenCache: nil,
                                login: { cloud in try await OpenStackSession(cloud: cloud, transport: transport, tokenCache: nil).validToken() })
    }

    static func projectReads(_ transport: RecordingTransport) -> Int {
        transport.requests.filter { $0.url.contains("/projects") || $0.url.hasSuffix("/auth/tokens") }.count
    }

    @Test("a consumer names its own project from Keystone and the owner's from another cloud on the same Keystone; each id costs one round")
    func directoryAsConsumer() async throws {
        try await ClientSandbox.with { sandbox in
            let transport = RecordingTransport(base: try sandbox.transport())
            let directory = try Self.directory(sandbox, "cora", transport: transport, otherClouds: ["olivia"])
            let nobody = "0123456789abcdef0123456789abcdef"
            let names = await directory.names(of: [Self.analytics, Self.imaging, nobody])
            #expect(names[Self.analytics]?.name == "analytics" && names[Self.analytics]?.source == ProjectName.Source.myProjects)
            #expect(names[Self.imaging]?.name == "imaging" && names[Self.imaging]?.source == ProjectName.Source.cloud("sandbox-olivia"))
            #expect(names[nobody] == nil)
            let first = Self.projectReads(transport)
            #expect(first > 0)
            // Asked again (a refresh): nothing new, no request; the miss is not asked again either.
            _ = await directory.names(of: [Self.analytics, Self.imaging, nobody])
            #expect(Self.projectReads(transport) == first)
            // Sharing by name resolves from the same sources.
            #expect(try await directory.resolve(.name("imaging", domain: nil)).id == Self.imaging)
            #expect(try await directory.resolve(.name("imaging", domain: "Default")).id == Self.imaging)
            await #expect(throws: ProjectNameError.self) { try await directory.resolve(.name("webapps", domain: nil)) }
        }
    }

    @Test("an admin reads any project's name from Keystone and finds projects by name")
    func directoryAsAdmin() async throws {
        try await ClientSandbox.with { sandbox in
            let transport = RecordingTransport(base: try sandbox.transport())
            let directory = try Self.directory(sandbox, "admin", transport: transport)
            #expect(await directory.names(of: [Self.imaging])[Self.imaging]?.source == ProjectName.Source.keystone)
            #expect(try await directory.resolve(.name("webapps", domain: nil)).id == KeystoneDirectory.projectID("webapps"))
        }
    }

    @Test("the alias book wins, two ids of one name are ambiguous, and names persist in the cache for the next run")
    func aliasesAmbiguityAndCache() async throws {
        try await ClientSandbox.with { sandbox in
            let directory = NSTemporaryDirectory() + "md-dir-" + UUID().uuidString.prefix(8)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var book = ProjectAliasBook(path: directory + "/projects.yaml")
            book.set("team", for: Self.imaging, authURL: sandbox.urls.identity)
            book.set("team", for: KeystoneDirectory.projectID("research"), authURL: sandbox.urls.identity)
            book.set("me", for: Self.analytics, authURL: sandbox.urls.identity)
            let transport = RecordingTransport(base: try sandbox.transport())
            let names = try Self.directory(sandbox, "cora", transport: transport, aliases: book, cachePath: directory + "/names.json")
            #expect(await names.names(of: [Self.analytics])[Self.analytics]?.name == "me")
            await #expect(throws: ProjectNameError.self) { try await names.resolve(.name("team", domain: nil)) }
            do {
                _ = try await names.resolve(.name("team", domain: nil))
            } catch let error as ProjectNameError {
                #expect(error.description.contains("2 projects are named 'team'"))
            }
            // A second run with the cache: the names it learned cost no request.
            // An id no alias names sends the directory to Keystone, which names cora's own project too.
            _ = await names.names(of: [Self.analytics, KeystoneDirectory.projectID("webapps")])
            let later = RecordingTransport(base: try sandbox.transport())
            let again = try Self.directory(sandbox, "cora", transport: later, cachePath: directory + "/names.json")
            #expect(await again.names(of: [Self.analytics])[Self.analytics]?.name == "analytics")
            #expect(Self.projectReads(later) == 0, "\(later.requests.map { "\($0.method) \($0.url)" })")
        }
    }

    @Test("a name given from the console is written to the alias book, keeping names given meanwhile elsewhere")
    func aliasFromTheDirectory() async throws {
        try await ClientSandbox.with { sandbox in
            let directory = NSTemporaryDirectory() + "md-alias-" + UUID().uuidString.prefix(8)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = directory + "/projects.yaml"
            let transport = RecordingTransport(base: try sandbox.transport())
            let names = try Self.directory(sandbox, "cora", transport: transport, aliases: ProjectAliasBook(path: path))
            // Meanwhile, another process names another id.
            var elsewhere = ProjectAliasBook(path: path)
            elsewhere.set("ops", for: Self.imaging, authURL: sandbox.urls.identity)
            try elsewhere.save()
            try await names.alias(id: Self.analytics, name: "us")
            let book = try ProjectAliasBook.load(path: path)
            #expect(book.name(of: Self.analytics, authURL: sandbox.urls.identity) == "us")
            #expect(book.name(of: Self.imaging, authURL: sandbox.urls.identity) == "ops")
            #expect(await names.names(of: [Self.analytics])[Self.analytics]?.name == "us")
            try await names.alias(id: Self.analytics, name: "")
            #expect(try ProjectAliasBook.load(path: path).name(of: Self.analytics, authURL: sandbox.urls.identity) == nil)
        }
    }

    @Test("callers arriving while another cloud is being logged in to wait for that login, not find the source done and empty")
    func concurrentLookupsWaitForOneLogin() async throws {
        try await ClientSandbox.with { sandbox in
            let transport = RecordingTransport(base: try sandbox.transport())
            let session = OpenStackSession(cloud: sandbox.cloud("cora"), transport: transport, tokenCache: nil)
            let logins = Counter()
            let directory = ProjectDirectory(session: session, aliases: ProjectAliasBook(path: "/nonexistent/projects.yaml"), cache: nil,
                                             otherClouds: [sandbox.cloud("olivia")], tokenCache: nil, login: { cloud in
                                                 logins.add()
                                                 // A slow Keystone: the other callers arrive meanwhile.
                                                 try await Task.sleep(for: .milliseconds(300))
                                                 return try await OpenStackSession(cloud: cloud, transport: transport, tokenCache: nil).validToken()
                                             })
            async let first = directory.resolve(.name("imaging", domain: nil))
            async let second = directory.resolve(.name("imaging", domain: nil))
            async let everything = directory.all()
            let (a, b, all) = try await (first, second, everything)
            #expect(a.id == Self.imaging && b.id == Self.imaging)
            #expect(all.contains { $0.id == Self.imaging })
            #expect(logins.value == 1)
        }
    }
}

/// Counts calls from concurrent tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
