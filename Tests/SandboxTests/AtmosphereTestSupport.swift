import Foundation
import NIOHTTP1
import Sandbox

/// Raw-HTTP helpers for the Atmosphere tests: log in, and call `/atmosphere/api/v2/…` with a token.
extension SandboxHarness {
    /// A token from `POST /atmosphere/auth` for a seed user.
    func atmosphereToken(_ user: String, password: String = AtmosphereDirectory.password) async throws -> String {
        let response = try await sendJSON(.POST, "/atmosphere/auth", json: #"{"username":"\#(user)","password":"\#(password)"}"#)
        guard response.status == 201, let token = response.object["token"] as? String else {
            throw HarnessError(message: "Atmosphere login as \(user) failed: \(response.status) \(response.body)")
        }
        return token
    }

    /// `path` under `/atmosphere/api/v2/` (or an absolute URL, such as a `next` link), with
    /// `Authorization: Token <token>` when a token is given.
    func atmosphere(_ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil) async throws -> RawResponse {
        let target = path.hasPrefix("http") || path.hasPrefix("/") ? path : "/atmosphere/api/v2/" + path
        return try await sendJSON(method, target, headers: token.map { [("Authorization", "Token \($0)")] } ?? [], json: json)
    }
}

extension RawResponse {
    /// A DRF page's `results`.
    var results: [[String: Any]] { object["results"] as? [[String: Any]] ?? [] }
    /// The `id` of each result (integers or UUID strings) as text, in order.
    var resultIDs: [String] { results.map { "\($0["id"] ?? "")" } }
    var resultNames: [String] { results.map { $0["name"] as? String ?? "" } }
    var count: Int? { object["count"] as? Int }
}

/// Seed values the tests name.
enum AtmosphereSeedFacts {
    static func version(image: Int, number: Int) -> String {
        AtmosphereDemoCatalog.images.first { $0.id == image }!.versions[number - 1].uuid
    }

    static func group(_ name: String) -> String { AtmosphereDirectory.group(named: name)!.uuid }

    static let notAuthenticated = #"{"detail":"Authentication credentials were not provided."}"#
    static let notFound = #"{"detail":"Not found."}"#
    static let invalidPage = #"{"detail":"Invalid page."}"#
}
