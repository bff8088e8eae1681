import Foundation
@testable import MembershipKit
import NIOConcurrencyHelpers
import Sandbox
import Testing

/// Bonita clients on a `ClientSandbox`, logged in as a demo account (`install` with its own password,
/// everyone else with `bpm`).
extension ClientSandbox {
    func bonitaEndpoint(_ user: String, password: String? = nil) -> BonitaEndpoint {
        let known = user == BonitaDemoOrganisation.technicalUserName ? BonitaDemoOrganisation.technicalPassword : BonitaDemoOrganisation.password
        return BonitaEndpoint(baseURL: urls.bonita, username: user, password: password ?? known, timeout: 30)
    }

    func bonita(_ user: String, password: String? = nil, transport: (any HTTPTransport)? = nil) throws -> BonitaClient {
        BonitaClient(endpoint: bonitaEndpoint(user, password: password), transport: try transport ?? self.transport())
    }

    /// Runs `body` on a fresh sandbox with a client of `user` (which logs in at its first call).
    static func withBonita(_ user: String, _ body: (BonitaClient) async throws -> Void) async throws {
        try await with { sandbox in try await body(try sandbox.bonita(user)) }
    }

    /// A client whose every exchange is kept, to look at what went over the wire.
    func recordedBonita(_ user: String) throws -> (BonitaClient, BonitaRecordingTransport) {
        let recorder = BonitaRecordingTransport(base: try transport())
        return (try bonita(user, transport: recorder), recorder)
    }
}

/// Passes requests on and keeps each request with its response.
final class BonitaRecordingTransport: HTTPTransport {
    let base: any HTTPTransport
    private let log = NIOLockedValueBox<[(request: HTTPRequestSpec, response: HTTPResponseData)]>([])

    init(base: any HTTPTransport) { self.base = base }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        let response = try await base.send(request, timeout: timeout)
        log.withLockedValue { $0.append((request, response)) }
        return response
    }

    var exchanges: [(request: HTTPRequestSpec, response: HTTPResponseData)] { log.withLockedValue { $0 } }

    /// The requests whose URL contains `fragment`.
    func requests(to fragment: String) -> [HTTPRequestSpec] { exchanges.map(\.request).filter { $0.url.contains(fragment) } }

    /// The `Cookie` header of the last API call.
    var lastCookie: String? { requests(to: "/API/").last.flatMap { $0.bonitaHeader("Cookie") } }
}

/// A server in a closure, for answers the sandbox never gives (duplicate names, a session that is never
/// accepted). Counts what it was asked.
final class BonitaStubTransport: HTTPTransport {
    private let answer: @Sendable (HTTPRequestSpec) -> HTTPResponseData
    private let log = NIOLockedValueBox<[HTTPRequestSpec]>([])

    init(_ answer: @escaping @Sendable (HTTPRequestSpec) -> HTTPResponseData) { self.answer = answer }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        log.withLockedValue { $0.append(request) }
        return answer(request)
    }

    var requests: [HTTPRequestSpec] { log.withLockedValue { $0 } }

    /// A login that succeeds with both cookies.
    static let loggedIn = HTTPResponseData(status: 204, headers: [
        ("Set-Cookie", "JSESSIONID=stub-session; Path=/bonita; HttpOnly"), ("Set-Cookie", "X-Bonita-API-Token=stub-token; Path=/bonita"),
    ])

    /// A search answer: the JSON array and its `Content-Range`.
    static func page(_ json: String, total: Int) -> HTTPResponseData {
        HTTPResponseData(status: 200, headers: [("Content-Type", "application/json"), ("Content-Range", "0-100/\(total)")], body: Data(json.utf8))
    }

    /// A client of `https://bpm.example/bonita` over this stub.
    func client(user: String = "install", password: String = "install") -> BonitaClient {
        BonitaClient(endpoint: BonitaEndpoint(baseURL: "https://bpm.example/bonita", username: user, password: password), transport: self)
    }
}

extension HTTPRequestSpec {
    func bonitaHeader(_ name: String) -> String? { headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1 }
    var bonitaBodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}

/// Runs `call`, which must fail with an HTTP answer of this status and exactly this message; returns the
/// failure for further checks.
@discardableResult
func requireBonitaFailure<Result>(_ status: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
                                  _ call: () async throws -> Result) async throws -> HTTPFailure {
    let error = try await #require(throws: MembershipError.self, sourceLocation: sourceLocation) { _ = try await call() }
    guard case let .http(failure) = error else {
        Issue.record("expected an HTTP failure, got: \(error)", sourceLocation: sourceLocation)
        throw error
    }
    #expect(failure.status == status, sourceLocation: sourceLocation)
    #expect(failure.message == message, sourceLocation: sourceLocation)
    return failure
}
