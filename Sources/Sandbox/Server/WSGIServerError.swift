import HTTPTypes
import Hummingbird

/// The page gunicorn, the WSGI server of the reference stack, sends when the application itself fails with
/// an exception nothing caught: Keystone on JSON nested past Python's recursion limit, Glance on a path
/// that is not UTF-8 once percent-decoded. The real servers answer these requests with this 500, so the
/// sandbox does too (no request id: the exception left the application before its middleware wrote one).
struct WSGIServerError: SandboxFault {
    static let page = "<html>\n  <head>\n    <title>Internal Server Error</title>\n  </head>\n  <body>\n    <h1><p>Internal Server Error</p></h1>\n    \n  </body>\n</html>\n"

    func response(for request: Request) -> Response {
        SandboxResponse.text(Self.page, status: .internalServerError, contentType: "text/html")
    }
}
