import Foundation
import MembershipKit
import NIOConcurrencyHelpers

/// Passes every request on to the real transport and keeps its method and URL, so a test can tell
/// how many requests of a kind the runtime made (the cache of share dates saves member reads).
final class CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    private let sent = NIOLockedValueBox<[(method: String, url: String)]>([])

    init(base: any HTTPTransport) { self.base = base }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        sent.withLockedValue { $0.append((request.method, request.url)) }
        return try await base.send(request, timeout: timeout)
    }

    /// How many GETs of one image member (`…/images/ID/members/MEMBER`) were sent.
    var memberReads: Int {
        sent.withLockedValue { requests in
            requests.filter { $0.method == "GET" && $0.url.range(of: #"/images/[^/?]+/members/[^/?]+$"#, options: .regularExpression) != nil }.count
        }
    }

    /// How many image listings (`…/images?…`) were sent.
    var listings: Int { sent.withLockedValue { $0.filter { $0.method == "GET" && $0.url.contains("/images?") }.count } }

    /// A transport as the CLI builds it, without retries, counted.
    static func make() throws -> CountingTransport {
        CountingTransport(base: try TransportStack.make(tls: CloudConfig.TLS(), timeout: 30, retryPolicy: .never))
    }
}
