import Foundation
import NIOHTTP1
import Sandbox

/// A logged-in Bonita client over raw HTTP: the cookie jar (`JSESSIONID`, `X-Bonita-API-Token`) and the
/// CSRF header a browser script would echo on unsafe calls.
struct BonitaTestSession: Sendable {
    let harness: SandboxHarness
    let cookies: [String: String]

    var sessionID: String { cookies["JSESSIONID"] ?? "" }
    var apiToken: String { cookies["X-Bonita-API-Token"] ?? "" }
    var cookieHeader: (String, String) { ("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }

    /// Logs in through the form service; throws unless it answers 204 with both cookies.
    static func login(_ harness: SandboxHarness, user: String, password: String = "bpm") async throws -> BonitaTestSession {
        let response = try await loginResponse(harness, user: user, password: password)
        let cookies = setCookies(response)
        guard response.status == 204, cookies["JSESSIONID"] != nil, cookies["X-Bonita-API-Token"] != nil else {
            throw HarnessError(message: "Bonita login as \(user) failed: \(response.status) \(response.body)")
        }
        return BonitaTestSession(harness: harness, cookies: cookies)
    }

    /// Runs `body` logged in on a fresh sandbox (`install` logs in with its own password, the rest with `bpm`).
    static func with(user: String = "walter.bates", seed: SandboxSeed = .demo, _ body: (BonitaTestSession) async throws -> Void) async throws {
        try await SandboxHarness.with(seed: seed) { harness in
            try await body(login(harness, user: user, password: user == "install" ? "install" : "bpm"))
        }
    }

    /// The technical user `install`, allowed everything.
    static func technical(_ harness: SandboxHarness) async throws -> BonitaTestSession {
        try await login(harness, user: "install", password: "install")
    }

    static func loginResponse(_ harness: SandboxHarness, user: String, password: String, contentType: String = "application/x-www-form-urlencoded") async throws -> RawResponse {
        let form = FormCoding.encode([("username", user), ("password", password), ("redirect", "false")])
        return try await harness.send(.POST, "/bonita/loginservice", headers: [("Content-Type", contentType)], body: form)
    }

    /// `name → value` of every `Set-Cookie` header (attributes dropped).
    static func setCookies(_ response: RawResponse) -> [String: String] {
        var jar: [String: String] = [:]
        for header in response.headers["Set-Cookie"] {
            let pair = header.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2 { jar[String(pair[0])] = String(pair[1]) }
        }
        return jar
    }

    /// A GET with the session cookie.
    func get(_ path: String) async throws -> RawResponse {
        try await harness.send(.GET, "/bonita/API/identity/" + path, headers: [cookieHeader])
    }

    /// Which `X-Bonita-API-Token` header an unsafe call carries.
    enum CSRF: Sendable {
        case session
        case missing
        case value(String)
    }

    /// An unsafe call with the cookie, a JSON body and the CSRF header.
    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, csrf: CSRF = .session) async throws -> RawResponse {
        var headers = [cookieHeader, ("Content-Type", "application/json")]
        switch csrf {
        case .session: headers.append(("X-Bonita-API-Token", apiToken))
        case .value(let value): headers.append(("X-Bonita-API-Token", value))
        case .missing: break
        }
        return try await harness.send(method, "/bonita/API/identity/" + path, headers: headers, body: json)
    }

    /// POST of a membership body.
    func addMembership(_ json: String) async throws -> RawResponse {
        try await send(.POST, "membership", json: json)
    }

    /// `f=user_id=N` search, with extra query text.
    func memberships(of user: Int, _ extra: String = "") async throws -> RawResponse {
        try await get("membership?p=0&c=10&f=user_id%3d\(user)" + extra)
    }
}

extension RawResponse {
    /// Every value of every item is a string (or, for deployed attributes, an object of strings).
    var allValuesAreStrings: Bool {
        array.allSatisfy { item in item.values.allSatisfy { $0 is String || ($0 as? [String: Any])?.values.allSatisfy { $0 is String } == true } }
    }

    var contentRange: String? { headers.first(name: "Content-Range") }
}
