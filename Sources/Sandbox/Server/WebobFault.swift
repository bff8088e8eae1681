import HTTPTypes
import Hummingbird

/// An error raised as a webob exception, as Glance 33 and the oslo middleware in front of Keystone raise
/// theirs, in webob's three shapes chosen by `Accept`: JSON for `application/json`, HTML for `*/*` or
/// `text/html`, plain text without an `Accept` header.
struct WebobFault: SandboxFault {
    let status: HTTPResponse.Status
    let detail: String
    /// webob ends the message with `<br /><br />` and blank lines; on 405 the line is shorter.
    var suffix: String = "<br /><br />\n\n\n"
    var headers: HTTPFields = [:]

    /// webob's phrase for 413 (HTTPTypes says "Content Too Large").
    static let requestEntityTooLarge = HTTPResponse.Status(code: 413, reasonPhrase: "Request Entity Too Large")

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
