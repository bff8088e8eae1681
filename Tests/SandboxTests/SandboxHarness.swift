import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Sandbox

/// A sandbox on a private SQLite file and a free loopback port, plus a raw HTTP client for the protocols
/// the SDK does not speak yet. Each test gets its own, so tests run in parallel without sharing data.
final class SandboxHarness: Sendable {
    let sandbox: RunningSandbox
    let directory: String

    static func start(seed: SandboxSeed = .demo) async throws -> SandboxHarness {
        let temporary = try await TemporarySandbox.start(seed: seed, label: "sandbox-test")
        return SandboxHarness(sandbox: temporary.running, directory: temporary.directory)
    }

    /// A harness around a sandbox the test started itself (its data is the test's to remove).
    static func wrapping(_ sandbox: RunningSandbox) -> SandboxHarness {
        SandboxHarness(sandbox: sandbox, directory: "")
    }

    private init(sandbox: RunningSandbox, directory: String) {
        self.sandbox = sandbox
        self.directory = directory
    }

    var urls: SandboxURLs { sandbox.urls }
    var database: SandboxDatabase { sandbox.database }

    /// Stops the server and removes its data.
    func stop() async {
        await sandbox.stop()
        if !directory.isEmpty { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Runs `body` with a fresh sandbox and always stops it.
    static func with<T: Sendable>(seed: SandboxSeed = .demo, _ body: (SandboxHarness) async throws -> T) async throws -> T {
        try await TemporarySandbox.with(seed: seed, label: "sandbox-test") { try await body(SandboxHarness(sandbox: $0.running, directory: $0.directory)) }
    }

    /// One HTTP exchange. `path` is appended to the sandbox's base URL unless it is absolute.
    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: String? = nil) async throws -> RawResponse {
        let url = path.hasPrefix("http") ? path : sandbox.baseURL + path
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: buffer))
    }

    /// A JSON body sent with `Content-Type` and `Accept: application/json`.
    func sendJSON(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], json: String? = nil) async throws -> RawResponse {
        try await send(method, path, headers: headers + [("Content-Type", "application/json"), ("Accept", "application/json")], body: json)
    }

    /// A Keystone token for a demo user (scoped to the user's own project).
    func keystoneToken(user: String, password: String = "sandbox") async throws -> String {
        let body = #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(user)","domain":{"name":"Default"},"password":"\#(password)"}}}}}"#
        let response = try await sendJSON(.POST, "/identity/v3/auth/tokens", json: body)
        guard response.status == 201, let token = response.headers.first(name: "X-Subject-Token") else {
            throw HarnessError(message: "login as \(user) failed: \(response.status) \(response.body)")
        }
        return token
    }
}

struct RawResponse: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: String

    /// The body parsed as JSON (objects become dictionaries).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
