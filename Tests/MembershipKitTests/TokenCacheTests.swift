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
        cache.store(token, key: "prod-1")
        let loaded = try #require(cache.load(key: "prod-1"))
        #expect(loaded == token)
        #expect(loaded.catalog == token.catalog)
    }

    @Test("fractional expiry times survive the round trip")
    func fractionalDates() throws {
        let root = try TemporaryDirectory()
        let cache = TokenCache(directory: root.url("tokens"))
        let token = try Self.token(expires: 1_795_365_632.123456)
        cache.store(token, key: "k")
        #expect(cache.load(key: "k")?.expiresAt == token.expiresAt)
    }

    @Test("the file is 0600 and the folder 0700")
    func permissionsArePrivate() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("cache/memberdeck/tokens")
        let cache = TokenCache(directory: directory)
        cache.store(try Self.token(), key: "prod-1")
        #expect(try permissions(of: directory) == 0o700)
        #expect(try permissions(of: directory + "/prod-1.json") == 0o600)
    }

    @Test("an existing folder with wider permissions is narrowed to 0700")
    func existingFolderNarrowed() throws {
        let root = try TemporaryDirectory()
        let directory = try root.makeDirectory("tokens")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        TokenCache(directory: directory).store(try Self.token(), key: "k")
        #expect(try permissions(of: directory) == 0o700)
    }

    @Test("storing again replaces the token and leaves no temporary file")
    func overwrite() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("tokens")
        let cache = TokenCache(directory: directory)
        cache.store(try Self.token("first"), key: "k")
        cache.store(try Self.token("second"), key: "k")
        #expect(cache.load(key: "k")?.value == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["k.json"])
        #expect(try permissions(of: directory + "/k.json") == 0o600)
    }

    @Test("a missing, removed or unreadable entry loads as nil")
    func missingEntries() throws {
        let root = try TemporaryDirectory()
        let directory = root.url("tokens")
        let cache = TokenCache(directory: directory)
        #expect(cache.load(key: "absent") == nil)
        cache.store(try Self.token(), key: "k")
        cache.remove(key: "k")
        #expect(cache.load(key: "k") == nil)
        try "not json".write(toFile: directory + "/garbage.json", atomically: true, encoding: .utf8)
        #expect(cache.load(key: "garbage") == nil)
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
}
