import HTTPTypes
import Hummingbird

/// A page gunicorn, the WSGI server of the reference stack, writes itself, before or around the
/// application: its 500 when the application fails with an exception nothing caught (Keystone on JSON
/// nested past Python's recursion limit, Glance on a path that is not UTF-8 once percent-decoded), and its
/// 414 for a request line past `limit_request_line`. The real servers answer these requests with these
/// pages, so the sandbox does too (no request id: the application never wrote one).
struct WSGIServerError: SandboxFault {
    var status: HTTPResponse.Status = .internalServerError
    /// Shown under the heading, HTML-escaped as gunicorn escapes it.
    var detail = ""

    func response(for request: Request) -> Response {
        let reason = status.reasonPhrase
        let page = "<html>\n  <head>\n    <title>\(reason)</title>\n  </head>\n  <body>\n    <h1><p>\(reason)</p></h1>\n    \(detail)\n  </body>\n</html>\n"
        return SandboxResponse.text(page, status: status, contentType: "text/html")
    }
}

/// gunicorn's `limit_request_line` (4094 bytes) in front of Keystone and Glance: the request line as the
/// real server would have read it (method, the path below the sandbox's service root, `HTTP/1.1`) must
/// not be longer, or the answer is gunicorn's 414.
struct RequestLineLimitMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext
    static let limit = 4094
    /// The sandbox's mount point of the service, which the real server's paths do not have.
    let root: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string.hasPrefix(root) ? String(request.uri.string.dropFirst(root.count)) : request.uri.string
        let length = request.method.rawValue.utf8.count + 1 + target.utf8.count + " HTTP/1.1".utf8.count
        guard length <= Self.limit else {
            throw WSGIServerError(status: .uriTooLong, detail: "Request Line is too large (\(length) &gt; \(Self.limit))")
        }
        return try await next(request, context)
    }
}
