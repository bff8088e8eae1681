import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Sandbox
import Testing

/// The sandbox's demo data, as the Atmosphere tests name it (`AtmosphereDemoCatalog`, `AtmosphereDirectory`).
enum AtmoDemo {
    static let password = AtmosphereDirectory.password

    /// `d0b3f4a5-0004-4d40-9e50-0000000IIIVV`: image id, version number.
    static func versionID(image: Int, version: Int) -> String {
        AtmosphereDemoCatalog.images[image - 1].versions[version - 1].uuid
    }

    static func group(_ name: String) -> AtmosphereDirectory.Group { AtmosphereDirectory.group(named: name)! }

    /// The ids of the memberships of `owner`'s versions, as the seed numbers them (1, 2, … in catalogue order).
    static func membershipIDs(of owner: String) -> [Int] {
        var id = 0
        var owned: [Int] = []
        for image in AtmosphereDemoCatalog.images {
            for version in image.versions {
                for _ in version.sharedWith {
                    id += 1
                    if image.createdBy == owner { owned.append(id) }
                }
            }
        }
        return owned
    }
}

extension ClientSandbox {
    /// A client of the sandbox's Atmosphere for one of its accounts.
    func atmosphere(_ user: String, password: String = AtmoDemo.password, transport: (any HTTPTransport)? = nil) throws -> AtmosphereClient {
        try atmosphere(.password(username: user, password: password), transport: transport)
    }

    func atmosphere(_ credentials: AtmosphereEndpoint.Credentials, transport: (any HTTPTransport)? = nil) throws -> AtmosphereClient {
        AtmosphereClient(endpoint: AtmosphereEndpoint(baseURL: urls.atmosphere, credentials: credentials, timeout: 30),
                         transport: try transport ?? self.transport())
    }
}

/// The HTTP failure inside a thrown error, for `#expect(throws:)` checks that look at the message.
func httpFailure(_ operation: () async throws -> Void) async -> HTTPFailure? {
    do {
        try await operation()
        return nil
    } catch let MembershipError.http(failure) {
        return failure
    } catch {
        Issue.record("expected an HTTP failure, got \(error)")
        return nil
    }
}

/// Passes requests on and remembers each one's method, URL, `Authorization` header and body.
struct RecordingTransport: HTTPTransport {
    struct Sent: Sendable, Equatable {
        let method: String
        let url: String
        let authorization: String?
        let body: Data?
    }

    let base: any HTTPTransport
    let sent = NIOLockedValueBox<[Sent]>([])

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        let authorization = request.headers.first { $0.0.lowercased() == "authorization" }?.1
        sent.withLockedValue { $0.append(Sent(method: request.method, url: request.url, authorization: authorization, body: request.body)) }
        return try await base.send(request, timeout: timeout)
    }

    var requests: [Sent] { sent.withLockedValue { $0 } }
}

/// Answers from a script, no server: each request gets the first answer whose key its method and URL
/// (query included) start with. For the cases the sandbox cannot produce (a proxy's links, duplicate
/// group names, request ids).
struct ScriptedTransport: HTTPTransport {
    let answers: [(String, HTTPResponseData)]
    let sent = NIOLockedValueBox<[HTTPRequestSpec]>([])

    init(_ answers: [(String, HTTPResponseData)]) { self.answers = answers }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        sent.withLockedValue { $0.append(request) }
        let line = request.method + " " + request.url
        guard let answer = answers.first(where: { line.hasPrefix($0.0) })?.1 else {
            return HTTPResponseData(status: 404, headers: [("Content-Type", "application/json")], body: Data(#"{"detail":"Not found."}"#.utf8))
        }
        return answer
    }

    var requests: [HTTPRequestSpec] { sent.withLockedValue { $0 } }

    static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(body.utf8))
    }
}
