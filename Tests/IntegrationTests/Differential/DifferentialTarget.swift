import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One side of the differential test: a Keystone and a Glance, four accounts, and the ids the scenario
/// creates. Everything it observes is normalised (ids and tokens become placeholders) so that the real
/// reference stack and the sandbox can be compared answer by answer.
final class DifferentialTarget: @unchecked Sendable {
    enum Actor: String, CaseIterable, Sendable { case owner, member, stranger, admin }

    struct Account: Sendable {
        let user: String
        let password: String
        let project: String
    }

    let label: String
    let identityURL: String
    let imageURL: String
    let accounts: [Actor: Account]
    private(set) var tokens: [Actor: String] = [:]
    private(set) var projectIDs: [Actor: String] = [:]
    /// Values to replace in everything observed, longest first (an id inside a path or message).
    private var placeholders: [(String, String)] = []

    init(label: String, identityURL: String, imageURL: String, accounts: [Actor: Account]) {
        self.label = label
        self.identityURL = identityURL
        self.imageURL = imageURL
        self.accounts = accounts
    }

    /// Logs every actor in and learns its project id.
    func logIn() async throws {
        for actor in Actor.allCases {
            let account = accounts[actor]!
            let response = try await keystone(.POST, "/auth/tokens", body: Self.passwordBody(account))
            guard response.status == 201, let token = response.headers.first(name: "X-Subject-Token"),
                  let project = ((response.json as? [String: Any])?["token"] as? [String: Any])?["project"] as? [String: Any],
                  let projectID = project["id"] as? String else {
                throw DifferentialError(message: "\(label): login as \(account.user) failed with \(response.status): \(response.body)")
            }
            tokens[actor] = token
            projectIDs[actor] = projectID
            remember(projectID, as: "<project:\(actor.rawValue)>")
            remember(token, as: "<token:\(actor.rawValue)>")
        }
    }

    /// A second token for `actor`, for steps that revoke one without touching the token the scenario uses.
    func freshToken(_ actor: Actor) async throws -> String {
        let response = try await keystone(.POST, "/auth/tokens", body: Self.passwordBody(accounts[actor]!))
        guard response.status == 201, let token = response.headers.first(name: "X-Subject-Token") else {
            throw DifferentialError(message: "\(label): a second login as \(actor) failed with \(response.status)")
        }
        return token
    }

    func remember(_ value: String, as placeholder: String) {
        guard !value.isEmpty else { return }
        placeholders.append((value, placeholder))
        placeholders.sort { $0.0.count > $1.0.count }
    }

    static func passwordBody(_ account: Account, password: String? = nil) -> String {
        #"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"\#(account.user)","domain":{"name":"Default"},"password":"\#(password ?? account.password)"}}},"scope":{"project":{"name":"\#(account.project)","domain":{"name":"Default"}}}}}"#
    }

    func keystone(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: String? = nil) async throws -> Exchange {
        try await send(method, identityURL + resolve(path), headers: [("Content-Type", "application/json"), ("Accept", "application/json")] + headers, body: body)
    }

    /// A Glance call as `actor` (nil: no token). `accept` nil sends no Accept header; a body goes with
    /// `contentType` (nil: no Content-Type header).
    func glance(_ method: HTTPMethod, _ path: String, as actor: Actor?, accept: String? = "application/json", body: String? = nil,
                contentType: String? = "application/json") async throws -> Exchange {
        var headers: [(String, String)] = []
        if let actor { headers.append(("X-Auth-Token", tokens[actor]!)) }
        if let accept { headers.append(("Accept", accept)) }
        if body != nil, let contentType { headers.append(("Content-Type", contentType)) }
        return try await send(method, imageURL + resolve(path), headers: headers, body: body)
    }

    /// Turns placeholders in a scripted path (`<image:shared>`) into this side's ids.
    func resolve(_ text: String) -> String {
        var result = text
        for (value, placeholder) in placeholders { result = result.replacingOccurrences(of: placeholder, with: value) }
        return result
    }

    func normalise(_ text: String) -> String {
        var result = text
        for (value, placeholder) in placeholders { result = result.replacingOccurrences(of: value, with: placeholder) }
        return result
    }

    private func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)], body: String?) async throws -> Exchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Exchange(status: Int(response.status.code), headers: response.headers, body: String(buffer: buffer))
    }
}

struct Exchange: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: String
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
}

struct DifferentialError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
