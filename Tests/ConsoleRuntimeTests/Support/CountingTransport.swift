import Foundation
import MembershipKit
import NIOConcurrencyHelpers

/// Passes every request on to the real transport and keeps its method and URL, so a test can tell
/// how many requests of a kind the runtime made (the cache of share dates saves member reads).
final class CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    private let sent = NIOLockedValueBox<[(method: String, url: String)]>([])

    /// When set, every read of one image member answers 500, as a failing server would.
    let failsMemberReads: Bool

    init(base: any HTTPTransport, failsMemberReads: Bool = false) {
        self.base = base
        self.failsMemberReads = failsMemberReads
    }

    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData {
        sent.withLockedValue { $0.append((request.method, request.url)) }
        if failsMemberReads, Self.isMemberRead(request.method, request.url) {
            return HTTPResponseData(status: 500, headers: [("Content-Type", "application/json")],
                                    body: Data(#"{"message":"database unavailable","code":"500 Internal Server Error","title":"Internal Server Error"}"#.utf8))
        }
        return try await base.send(request, timeout: timeout)
    }

    static func isMemberRead(_ method: String, _ url: String) -> Bool {
        method == "GET" && url.range(of: #"/images/[^/?]+/members/[^/?]+$"#, options: .regularExpression) != nil
    }

    /// How many GETs of one image member (`…/images/ID/members/MEMBER`) were sent.
    var memberReads: Int {
        sent.withLockedValue { requests in
            requests.filter { Self.isMemberRead($0.method, $0.url) }.count
        }
    }

    /// How many image listings (`…/images?…`) were sent.
    var listings: Int { sent.withLockedValue { $0.filter { $0.method == "GET" && $0.url.contains("/images?") }.count } }

    /// A transport as the CLI builds it, without retries, counted.
    static func make(failsMemberReads: Bool = false) throws -> CountingTransport {
        CountingTransport(base: try TransportStack.make(tls: CloudConfig.TLS(), timeout: 30, retryPolicy: .never), failsMemberReads: failsMemberReads)
    }
}
