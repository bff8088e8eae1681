import Foundation
import Testing
@testable import MembershipKit

/// Keystone tokens kept between runs: private files, one per identity.
@Suite("Token cache")
struct TokenCacheTests {
    static func token(_ value: String = "gAAAAAB-cached", expires: TimeInterval = 1_795_365_632) throws -> KeystoneToken {
        let catalog = ServiceCatalog(services: try JSONDecoder().decode([ServiceCatalog.Service].self, from: Data("""
            [{"type":"image","name":"glance","endpoints":[{"interface":"public","region_id":"RegionOne","region":"RegionOne","url":"https://g:9292"}]}]
            """.utf8)))
        return KeystoneToken(value: value, expiresAt: Date(timeIntervalSince1970: expires),
                             user: .init(id: "u1", name: "alice", domainName: "Default"),
                             project: .init(id: "p1", name: "demo", domainName: "Default"),
                             roles: ["member", "reader"], catalog: catalog)
    }

    static func cloud(_ configure: (inout CloudConfig) -> Void = { _ in }) -> CloudConfig {
        var auth = CloudConfig.Auth()
        auth.authURL = "https://keystone.example.com/v3"
        auth.username = "alice"
        auth.userDomainName = "Default"
        auth.password = "SECRET-PASSWORD"
        auth.projectName = "demo"
        auth.projectDomainName = "Default"
        var cloud = CloudConfig(name: "prod", auth: auth)
        configure(&cloud)
        return cloud
    }

    @Test("a stored token loads back equal")
    func roundTrip() throws {
        let root = try TemporaryDirectory()
        let cache = TokenCache(directory: root.url("cache/memberdeck/tokens"))
        let token = try Self.token()
        cache.store(token, key: "prod-1", credential: "pw")
        let loaded = try #require(cache.load(key: "prod-1", credential: "pw"))
        #expect(loaded == token)
        #expect(loaded.catalog == token.catalog)
    }

    @Test("fractional expiry times survive the round trip")
    func fractionalDates() throws {
        let root = try TemporaryDirectory()
        let cache = TokenCache(directory: root.url("tokens"))
        let token = try Self.token(expires: 1_795_365_632.123456)
        cache.store(token, key: "k", credential: "pw")
        #expect(cache.load(key: "k", credential: "pw")?.expiresAt == token.expiresAt)
    }

    @Test("the file is 0600 and the folder 0700")
    func permissionsArePrivate() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("cache/memberdeck/tokens")
        let cache = TokenCache(directory: directory)
        cache.store(try Self.token(), key: "prod-1", credential: "pw")
        #expect(try permissions(of: directory) == 0o700)
        #expect(try permissions(of: directory + "/prod-1.json") == 0o600)
    }

    @Test("an existing folder with wider permissions is narrowed to 0700")
    func existingFolderNarrowed() throws {
        let root = try TemporaryDirectory()
        let directory = try root.makeDirectory("tokens")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        TokenCache(directory: directory).store(try Self.token(), key: "k", credential: "pw")
        #expect(try permissions(of: directory) == 0o700)
    }

    @Test("storing again replaces the token and leaves no temporary file")
    func overwrite() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("tokens")
        let cache = TokenCache(directory: directory)
        cache.store(try Self.token("first"), key: "k", credential: "pw")
        cache.store(try Self.token("second"), key: "k", credential: "pw")
        #expect(cache.load(key: "k", credential: "pw")?.value == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["k.json"])
        #expect(try permissions(of: directory + "/k.json") == 0o600)
    }

    @Test("a missing, removed or unreadable entry loads as nil")
    func missingEntries() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("tokens")
        let cache = TokenCache(directory: directory)
        #expect(cache.load(key: "absent", credential: "pw") == nil)
        cache.store(try Self.token(), key: "k", credential: "pw")
        cache.remove(key: "k")
        #expect(cache.load(key: "k", credential: "pw") == nil)
        try "not json".write(toFile: directory + "/garbage.json", atomically: true, encoding: .utf8)
        #expect(cache.load(key: "garbage", credential: "pw") == nil)
    }

    @Test("the XDG initialiser puts tokens under XDG_CACHE_HOME/memberdeck/tokens")
    func xdgLocation() throws {
        let root = try TemporaryDirectory()
        let xdg = XDGDirectories(environment: ["HOME": root.url("home"), "XDG_CACHE_HOME": root.url("cache")])
        #expect(TokenCache(xdg: xdg).directory == root.url("cache/memberdeck/tokens"))
        let fallback = XDGDirectories(environment: ["HOME": root.url("home")])
        #expect(TokenCache(xdg: fallback).directory == root.url("home/.cache/memberdeck/tokens"))
    }

    // MARK: key(for:)

    @Test("the same cloud gives the same key")
    func keyStable() {
        #expect(TokenCache.key(for: Self.cloud()) == TokenCache.key(for: Self.cloud()))
    }

    @Test("a different user, project, domain, auth_url or auth type gives a different key")
    func keyDiffers() {
        let base = TokenCache.key(for: Self.cloud())
        let variants: [(String, (inout CloudConfig) -> Void)] = [
            ("user", { $0.auth.username = "bob" }),
            ("user id", { $0.auth.userID = "u-2" }),
            ("project name", { $0.auth.projectName = "other" }),
            ("project id", { $0.auth.projectID = "p-2" }),
            ("user domain", { $0.auth.userDomainName = "Corp" }),
            ("project domain", { $0.auth.projectDomainName = "Corp" }),
            ("auth_url", { $0.auth.authURL = "https://keystone.other.example.com/v3" }),
            ("auth type", { $0.authType = .token }),
            ("system scope", { $0.auth.systemScope = "all" }),
            ("application credential", { $0.auth.applicationCredentialID = "ac" }),
            ("application credential name", { $0.auth.applicationCredentialName = "ci" }),
            ("domain scope", { $0.auth.domainName = "Corp" }),
            ("region", { $0.regionName = "RegionTwo" }),
            ("interface", { $0.interface = "internal" }),
            ("given token", { $0.authType = .token; $0.auth.token = "token-of-bob" }),
            ("cloud name", { $0.name = "staging" }),
        ]
        var seen: Set<String> = [base]
        for (label, change) in variants {
            let key = TokenCache.key(for: Self.cloud(change))
            #expect(key != base, "changing the \(label) kept the key")
            seen.insert(key)
        }
        #expect(seen.count == variants.count + 1)
    }

    @Test("the key never contains the password, and the password does not change it")
    func keyHasNoPassword() {
        let key = TokenCache.key(for: Self.cloud())
        #expect(!key.contains("SECRET"))
        let otherPassword = TokenCache.key(for: Self.cloud { $0.auth.password = "another-SECRET" })
        #expect(otherPassword == key)
        let tokenCloud = Self.cloud {
            $0.authType = .token
            $0.auth.token = "SECRET-TOKEN"
            $0.auth.applicationCredentialSecret = "SECRET-AC"
        }
        #expect(!TokenCache.key(for: tokenCloud).contains("SECRET"))
    }

    @Test("the key is a safe file name even for odd cloud names")
    func keyIsSafeFileName() {
        let key = TokenCache.key(for: Self.cloud { $0.name = "../../etc/passwd cloud" })
        #expect(!key.contains("/"))
        #expect(!key.contains(" "))
        #expect(!key.hasPrefix("."))
        #expect(key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test("the identity part of the key is a SHA-256 digest")
    func keyIsSHA256() {
        let key = TokenCache.key(for: Self.cloud())
        let digest = key.split(separator: "-").last.map(String.init) ?? ""
        #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit), "\(key)")
    }

    // MARK: which identity a cached token belongs to

    static func tokenCloud(_ token: String) -> CloudConfig {
        cloud {
            $0.authType = .token
            $0.auth.token = token
            $0.auth.username = nil
            $0.auth.password = nil
        }
    }

    @Test("a run with another user's token (auth_type token, OS_TOKEN) does not act as the first user")
    func otherTokenAuthenticates() async throws {
        let root = try TemporaryDirectory()
        let cache = TokenCache(directory: root.url("tokens"))
        #expect(try await FakeKeystone.authentications(for: Self.tokenCloud("token-of-alice"), cache: cache) == 1)
        #expect(try await FakeKeystone.authentications(for: Self.tokenCloud("token-of-alice"), cache: cache) == 0)
        #expect(try await FakeKeystone.authentications(for: Self.tokenCloud("token-of-bob"), cache: cache) == 1)
    }

    @Test("a changed password, application credential secret or token stops the cached token being used")
    func changedCredentialAuthenticates() async throws {
        let variants: [(String, (inout CloudConfig, String) -> Void)] = [
            ("password", { $0.auth.password = $1 }),
            ("application credential secret", {
                $0.authType = .applicationCredential
                $0.auth.applicationCredentialID = "ac-1"
                $0.auth.applicationCredentialSecret = $1
            }),
        ]
        for (label, set) in variants {
            let root = try TemporaryDirectory()
            let cache = TokenCache(directory: root.url("tokens"))
            let first = Self.cloud { set(&$0, "first-secret") }
            let second = Self.cloud { set(&$0, "second-secret") }
            #expect(TokenCache.key(for: first) == TokenCache.key(for: second), "the \(label) is not part of the file name")
            #expect(try await FakeKeystone.authentications(for: first, cache: cache) == 1, "\(label)")
            #expect(try await FakeKeystone.authentications(for: first, cache: cache) == 0, "\(label): same secret, cached token")
            #expect(try await FakeKeystone.authentications(for: second, cache: cache) == 1, "\(label): changed secret, new token")
            #expect(try await FakeKeystone.authentications(for: first, cache: cache) == 1, "\(label): changed back, new token again")
        }
    }

    @Test("the cache file holds a salted hash of the credential, never the credential, with a new salt per entry")
    func fileHoldsSaltedHash() async throws {
        let root = try TemporaryDirectory()
        let directory = root.url("tokens")
        let cache = TokenCache(directory: directory)
        let cloud = Self.cloud()
        let path = directory + "/" + TokenCache.key(for: cloud) + ".json"
        _ = try await FakeKeystone.authentications(for: cloud, cache: cache)
        let first = try #require(FileManager.default.contents(atPath: path))
        #expect(!String(decoding: first, as: UTF8.self).contains("SECRET-PASSWORD"))
        let object = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        let credential = try #require(object["credential"] as? [String: Any], "\(object.keys)")
        let salt = try #require(credential["salt"] as? String)
        #expect(try #require(credential["sha256"] as? String).count == 64)
        cache.remove(key: TokenCache.key(for: cloud))
        _ = try await FakeKeystone.authentications(for: cloud, cache: cache)
        let secondData = try #require(FileManager.default.contents(atPath: path))
        let second = try #require(try JSONSerialization.jsonObject(with: secondData) as? [String: Any])
        #expect((second["credential"] as? [String: Any])?["salt"] as? String != salt)
    }

    @Test("a cache file in the old format (a bare token) is ignored: memberdeck authenticates again")
    func oldFormatIgnored() async throws {
        let root = try TemporaryDirectory()
        let directory = try root.makeDirectory("tokens")
        let cloud = Self.cloud()
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let old = try encoder.encode(try Self.token(expires: 4_000_000_000))
        try old.write(to: URL(fileURLWithPath: directory + "/" + TokenCache.key(for: cloud) + ".json"))
        #expect(try await FakeKeystone.authentications(for: cloud, cache: TokenCache(directory: directory)) == 1)
    }
}
