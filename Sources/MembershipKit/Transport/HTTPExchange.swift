import Foundation

/// One HTTP request as the SDK describes it, independent of the HTTP library.
public struct HTTPRequestSpec: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: String, url: String, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Methods that can be repeated without changing the result.
    public var isIdempotent: Bool { ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased()) }
}

/// One HTTP response with its whole body.
public struct HTTPResponseData: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first(where: { $0.0.caseInsensitiveCompare(name) == .orderedSame })?.1
    }

    /// Every header of that name (e.g. `Set-Cookie`).
    public func headers(named name: String) -> [String] {
        headers.filter { $0.0.caseInsensitiveCompare(name) == .orderedSame }.map(\.1)
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// A request as it was sent (with its credential) and the server's answer: what an error message names.
struct SentRequest: Sendable {
    var request: HTTPRequestSpec
    var response: HTTPResponseData
}

/// Sends requests, throwing only `MembershipError`. The real one is `AsyncHTTPTransport`; the protocol is the seam for retries and logging.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestSpec, timeout: Double) async throws -> HTTPResponseData
}
