import Foundation
@testable import MembershipKit
import Testing

/// The session rules Keystone, Atmosphere and Bonita share: one login in flight, failed logins not kept,
/// one renewal per refused request.
@Suite("Single-flight credential")
struct SingleFlightCredentialTests {
    /// A login service that numbers its credentials (`token-1`, `token-2` …) and can be held shut, so
    /// that callers pile up behind a login in flight, or made to fail.
    final class LoginService: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var failures: Int
        private var waiters: [CheckedContinuation<Void, Never>] = []
        private var shut: Bool

        init(shut: Bool = false, failures: Int = 0) {
            self.shut = shut
            self.failures = failures
        }

        var logins: Int { lock.withLock { count } }

        var login: SingleFlightCredential<String>.Login {
            { try await self.logIn() }
        }

        func open() {
            let released = lock.withLock {
                shut = false
                defer { waiters = [] }
                return waiters
            }
            released.forEach { $0.resume() }
        }

        private func logIn() async throws -> String {
            let number = lock.withLock {
                count += 1
                return count
            }
            await withCheckedContinuation { continuation in
                let wait = lock.withLock {
                    if shut { waiters.append(continuation) }
                    return shut
                }
                if !wait { continuation.resume() }
            }
            let fails = lock.withLock {
                defer { failures -= 1 }
                return failures > 0
            }
            if fails { throw MembershipError.invalidResponse("login \(number) refused") }
            return "token-\(number)"
        }
    }

    @Test("callers that find no credential share one login")
    func concurrentCallersShareOneLogin() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService(shut: true)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await credential.valid(login: service.login).value } }
            // Long enough for every caller to find the login in flight before it ends.
            try await Task.sleep(for: .milliseconds(200))
            service.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(tokens == Array(repeating: "token-1", count: 8))
        #expect(service.logins == 1)
    }

    @Test("a failed login is not kept: everyone waiting gets the error, the next call logs in again")
    func failedLoginIsNotKept() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService(shut: true, failures: 1)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 { group.addTask { (try? await credential.valid(login: service.login)) != nil } }
            try? await Task.sleep(for: .milliseconds(200))
            service.open()
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == [false, false, false, false])
        #expect(await credential.held == nil)
        #expect(try await credential.valid(login: service.login).value == "token-2")
        #expect(service.logins == 2)
    }

    @Test("a refused request logs in again once and is repeated once; the second answer is final")
    func reloginAtMostOncePerRequest() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService()
        let attempts = Recorder<String>()
        let outcome = try await credential.withRenewal(login: service.login, isRefused: { $0 == "refused" }) { issued in
            attempts.append(issued.value)
            return "refused"
        }
        #expect(outcome == "refused")
        #expect(attempts.values == ["token-1", "token-2"])
        #expect(service.logins == 2)
    }

    @Test("an accepted request needs no second login")
    func acceptedRequest() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService()
        let outcome = try await credential.withRenewal(login: service.login, isRefused: { _ in false }) { "ok with \($0.value)" }
        #expect(outcome == "ok with token-1")
        #expect(service.logins == 1)
    }

    @Test("a credential another caller already renewed is used as it is, without another login")
    func renewedByAnotherCaller() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService()
        let used = try await credential.valid(login: service.login)
        let renewed = try await credential.renew(after: used, login: service.login)
        #expect(renewed.value == "token-2")
        let late = try await credential.renew(after: used, login: service.login)
        #expect(late.value == "token-2")
        #expect(service.logins == 2)
    }

    @Test("concurrent requests refused with the same credential share one new login")
    func concurrentRefusalsShareOneRenewal() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService()
        _ = try await credential.valid(login: service.login)
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try await credential.withRenewal(login: service.login, isRefused: { $0 == "token-1" }) { $0.value }
                }
            }
            for try await used in group { #expect(used == "token-2") }
        }
        #expect(service.logins == 2)
    }

    @Test("a given credential is used without a login; a stale one is replaced by a restored one before any login")
    func givenRestoredAndStale() async throws {
        let given = SingleFlightCredential<String>(initial: "given")
        let service = LoginService()
        #expect(try await given.valid(login: service.login).value == "given")

        let forgotten = Recorder<String>()
        let cached = SingleFlightCredential<String>(initial: "stale", isUsable: { $0 != "stale" },
                                                    restore: { "from-cache" }, forget: { forgotten.append("cache") })
        #expect(try await cached.valid(login: service.login).value == "from-cache")
        #expect(service.logins == 0)
        #expect(await cached.invalidate() == "from-cache")
        #expect(forgotten.values == ["cache"])

        let nothingCached = SingleFlightCredential<String>(initial: "stale", isUsable: { $0 != "stale" }, restore: { nil })
        #expect(try await nothingCached.valid(login: service.login).value == "token-1")
    }

    @Test("an answer to an older credential does not change the one held now")
    func updateOnlyTheCredentialUsed() async throws {
        let credential = SingleFlightCredential<String>()
        let service = LoginService()
        let first = try await credential.valid(login: service.login)
        await credential.update(first) { $0 += "+cookie" }
        #expect(await credential.held == "token-1+cookie")
        let second = try await credential.login(service.login)
        await credential.update(first) { $0 += "+late" }
        #expect(await credential.held == "token-2")
        #expect(second.generation != first.generation)
    }
}
