import HTTPTypes
import Hummingbird

/// An error raised as a webob exception, as Glance 33 and the oslo middleware in front of Keystone raise
/// theirs, in webob's three shapes chosen by `Accept`: JSON for `application/json`, HTML for `*/*` or
/// `text/html`, plain text without an `Accept` header.
///
/// The body is webob's template filled in, kept as pieces: the template's own text, and the values put
/// into it, which the HTML shape escapes and the plain shape strips of tags as webob does.
struct WebobFault: SandboxFault {
    enum Piece: Sendable {
        case template(String)
        case value(String)
    }

    let status: HTTPResponse.Status
    let body: [Piece]
    var headers: HTTPFields = [:]

    /// webob's phrase for 413 (HTTPTypes says "Content Too Large").
    static let requestEntityTooLarge = HTTPResponse.Status(code: 413, reasonPhrase: "Request Entity Too Large")

    init(status: HTTPResponse.Status, body: [Piece], headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// An exception raised with `explanation=detail` (how Glance raises most of its errors): webob ends the
    /// message with `<br /><br />` and blank lines; on 405 the template's line is shorter (`suffix`).
    init(status: HTTPResponse.Status, detail: String, suffix: String = "<br /><br />\n\n\n", headers: HTTPFields = [:]) {
        self.init(status: status, body: [.value(detail), .template(suffix)], headers: headers)
    }

    /// An exception raised with its message as the first argument (`HTTPForbidden(msg)`): webob keeps its own
    /// explanation of the status and puts the message after it, e.g. "Access was denied to this
    /// resource.<br /><br />\nProperty name may not be removed.\n\n".
    static func explained(_ status: HTTPResponse.Status, _ detail: String) -> WebobFault {
        WebobFault(status: status, body: [.value(explanation(of: status)), .template("<br /><br />\n"), .value(detail), .template("\n\n")])
    }

    /// webob's `HTTPUnsupportedMediaType` and its own template, which names the request's whole
    /// `Content-Type` header (a missing one leaves the template's `${CONTENT_TYPE}` as it is).
    static func unsupportedMediaType(_ contentType: String?, detail: String, headers: HTTPFields = [:]) -> WebobFault {
        WebobFault(status: .unsupportedMediaType, body: [
            .template("The request media type "), contentType.map(Piece.value) ?? .template("${CONTENT_TYPE}"),
            .template(" is not supported by this server.\n<br /><br />\n"), .value(detail),
        ], headers: headers)
    }

    /// webob's class-level explanations, for the statuses raised with a positional message.
    private static func explanation(of status: HTTPResponse.Status) -> String {
        switch status.code {
        case 403: "Access was denied to this resource."
        case 409: "There was a conflict when trying to complete your request."
        default: ""
        }
    }

    func response(for request: Request) -> Response {
        let accept = request.headers[.accept]?.lowercased()
        let statusLine = "\(status.code) \(status.reasonPhrase)"
        if let accept, accept.contains("application/json") {
            let body = JSONValue.object([("message", .string(filled { $0 })), ("code", .string(statusLine)), ("title", .string(status.reasonPhrase))])
            return SandboxResponse.json(body, status: status, headers: headers)
        }
        if let accept, !accept.contains("text/plain") {
            let html = "<html>\n <head>\n  <title>\(statusLine)</title>\n </head>\n <body>\n  <h1>\(statusLine)</h1>\n  \(filled(Self.htmlEscape))\n </body>\n</html>"
            return SandboxResponse.text(html, status: status, contentType: "text/html; charset=UTF-8", headers: headers)
        }
        return SandboxResponse.text("\(statusLine)\n\n\(Self.stripTags(filled { $0 }))", status: status, contentType: "text/plain; charset=UTF-8", headers: headers)
    }

    private func filled(_ escape: (String) -> String) -> String {
        body.map { piece in
            switch piece {
            case .template(let text): text
            case .value(let text): escape(text)
            }
        }.joined()
    }

    /// webob's `html_escape`: Python's `html.escape(quote=True)`, then anything past ASCII as a decimal
    /// character reference.
    static func htmlEscape(_ text: String) -> String {
        text.escapingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#x27;"
            default: scalar.isASCII ? nil : "&#\(scalar.value);"
            }
        }
    }

    /// webob's `strip_tags` for the plain shape: newlines become spaces, `<br…>` a newline, and then comment
    /// marks and other tags disappear, in that order.
    static func stripTags(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
            .replacing(/<br.*?>/.ignoresCase().dotMatchesNewlines(), with: "\n")
            .replacing(/<!--|-->/, with: "")
            .replacing(/<.*?>/.dotMatchesNewlines(), with: "")
    }
}
