import HTTPTypes
import Hummingbird

/// A Glance error in webob's three shapes, chosen by `Accept` as Glance 33 does: JSON for
/// `application/json`, HTML for `*/*` or `text/html`, plain text without an `Accept` header.
struct GlanceFault: SandboxFault {
    let status: HTTPResponse.Status
    let detail: String
    /// webob ends the message with `<br /><br />` and blank lines; on 405 the line is shorter.
    var suffix: String = "<br /><br />\n\n\n"
    var headers: HTTPFields = [:]

    /// webob's phrase for 413 (HTTPTypes says "Content Too Large").
    static let requestEntityTooLarge = HTTPResponse.Status(code: 413, reasonPhrase: "Request Entity Too Large")

    static func notFound(_ detail: String) -> GlanceFault { GlanceFault(status: .notFound, detail: detail) }
    static func forbidden(_ detail: String) -> GlanceFault { GlanceFault(status: .forbidden, detail: detail) }
    static func badRequest(_ detail: String) -> GlanceFault { GlanceFault(status: .badRequest, detail: detail) }

    static func policy(_ action: String) -> GlanceFault { .forbidden("You are not authorized to complete \(action) action.") }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allow: String) -> GlanceFault {
        var fields: HTTPFields = [:]
        fields[.allow] = allow
        return GlanceFault(status: .methodNotAllowed, detail: "The method \(method.rawValue) is not allowed for this resource.",
                           suffix: " <br /><br />\n", headers: fields)
    }

    /// keystonemiddleware's answer to a missing or invalid token (no request id: it never reached Glance).
    static func unauthorized(identityURI: String) -> GlanceFault {
        var fields: HTTPFields = [:]
        fields[.wwwAuthenticate] = "Keystone uri=\"\(identityURI)\""
        return GlanceFault(status: .unauthorized,
                           detail: "This server could not verify that you are authorized to access the document you requested. Either you supplied the wrong credentials (e.g., bad password), or your browser does not understand how to supply the credentials required.",
                           headers: fields)
    }

    func response(for request: Request) -> Response {
        let accept = request.headers[.accept]?.lowercased()
        let statusLine = "\(status.code) \(status.reasonPhrase)"
        if let accept, accept.contains("application/json") {
            let body = JSONValue.object([("message", .string(detail + suffix)), ("code", .string(statusLine)), ("title", .string(status.reasonPhrase))])
            return SandboxResponse.json(body, status: status, headers: headers)
        }
        if let accept, !accept.contains("text/plain") {
            let html = "<html>\n <head>\n  <title>\(statusLine)</title>\n </head>\n <body>\n  <h1>\(statusLine)</h1>\n  \(detail)\(suffix)\n </body>\n</html>"
            return SandboxResponse.text(html, status: status, contentType: "text/html; charset=UTF-8", headers: headers)
        }
        return SandboxResponse.text("\(statusLine)\n\n\(detail)\n\n   ", status: status, contentType: "text/plain; charset=UTF-8", headers: headers)
    }
}
