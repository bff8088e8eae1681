import Foundation
import HostileServer
@testable import MembershipKit

/// A Glance v2 client whose Keystone and Glance are one hostile server: the fake Keystone hands out a
/// token whose catalog points at the server itself, and `glance` answers everything else.
struct HostileCloud {
    let server: HostileServer
    let password: String

    static func start(password: String = "correct-horse-battery-staple",
                      glance: @escaping @Sendable (HostileRequest, _ base: String) -> HostileReply) async throws -> HostileCloud {
        HostileCloud(server: try await FakeOpenStack.startCloud(glance: glance), password: password)
    }

    func cloud(apiTimeout: Double? = nil) -> CloudConfig {
        var cloud = CloudConfig.password(name: "hostile", authURL: server.url + "/v3", username: "mallory", password: password,
                                         projectName: "hostile", region: "RegionOne")
        cloud.apiTimeout = apiTimeout
        return cloud
    }

    /// A client over the real transport stack (async-http-client, retries, secret registration).
    func glance(apiTimeout: Double? = nil, paging: PagingPolicy = .standard, requestLog: RequestLog? = nil) throws -> GlanceV2Client {
        let session = try OpenStackSession.make(cloud: cloud(apiTimeout: apiTimeout), tokenCache: nil, retryPolicy: .never, requestLog: requestLog)
        return GlanceV2Client(session: session, paging: paging)
    }

    /// Requests that reached the fake Glance (token requests left out).
    var glanceRequests: [HostileRequest] { server.requests.filter { !FakeOpenStack.isTokenRequest($0) } }
}

/// Collects what a paging policy reports.
final class TruncationLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [PagingTruncation] = []
    var all: [PagingTruncation] { lock.withLock { items } }
    func add(_ truncation: PagingTruncation) { lock.withLock { items.append(truncation) } }
}

/// A page of `count` images with fresh ids and a `next` link that always goes on.
func endlessPage(_ request: HostileRequest, count: Int = 200) -> HostileReply {
    let page = Int(request.query("page") ?? "0") ?? 0
    let images = (0..<count).map { FakeOpenStack.image(id: String(format: "%08d-0000-4000-8000-%012d", page, $0), name: "img-\(page)-\($0)") }
    return .json(200, object: ["images": images, "next": "/v2/images?marker=\(page)-last&page=\(page + 1)", "schema": "/v2/schemas/images"])
}
