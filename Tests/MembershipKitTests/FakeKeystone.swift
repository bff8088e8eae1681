import Foundation
@testable import MembershipKit

/// A Keystone that issues a fresh token for every authentication and records what it was sent.
struct FakeKeystone: HTTPTransport {
    let requests = Recorder<String>()

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        requests.append(String(decoding: request.body ?? Data(), as: UTF8.self))
        let body = """
            {"token": {"expires_at": "2099-01-01T00:00:00.000000Z", "user": {"id": "u1", "name": "alice"},
             "project": {"id": "p1", "name": "demo"}, "roles": [{"name": "member"}], "catalog": []}}
            """
        return HTTPResponseData(status: 201, headers: [("X-Subject-Token", "issued-\(requests.values.count)")], body: Data(body.utf8))
    }

    /// How many times a token was asked for when `cloud` opens a session on `cache`.
    static func authentications(for cloud: CloudConfig, cache: TokenCache) async throws -> Int {
        let session = OpenStackSession(cloud: cloud, transport: FakeKeystone(), tokenCache: cache)
        _ = try await session.validToken()
        return await session.authenticationCount
    }
}
