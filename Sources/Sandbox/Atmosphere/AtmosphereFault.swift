import HTTPTypes
import Hummingbird

/// Atmosphere's error bodies, which are Django REST framework's: `{"detail": …}` for 403/404/405,
/// `{"field": ["msg"], "non_field_errors": [...]}` for validation, and the auth view's own
/// `{"errors": [{"code": 400, "message": …}]}`.
struct AtmosphereFault: SandboxFault {
    let status: HTTPResponse.Status
    let body: JSONValue
    var headers: HTTPFields = [:]

    static func detail(_ status: HTTPResponse.Status, _ message: String) -> AtmosphereFault {
        AtmosphereFault(status: status, body: .object([("detail", .string(message))]))
    }

    /// A missing or unknown token: Atmosphere's authenticators give no `WWW-Authenticate`, so DRF answers
    /// 403, not 401.
    static let notAuthenticated = detail(.forbidden, "Authentication credentials were not provided.")
    static let notFound = detail(.notFound, "Not found.")
    static let invalidPage = detail(.notFound, "Invalid page.")

    /// 405 with DRF's message and the `Allow` header it sends.
    static func methodNotAllowed(_ method: String, allowed: [String]) -> AtmosphereFault {
        var fault = detail(.methodNotAllowed, "Method \"\(method)\" not allowed.")
        fault.headers[.allow] = allowed.joined(separator: ", ")
        return fault
    }

    /// A serializer's validation errors, field by field in the serializer's field order.
    static func invalid(_ errors: [(String, [String])]) -> AtmosphereFault {
        AtmosphereFault(status: .badRequest, body: .object(errors.map { ($0.0, .array($0.1.map(JSONValue.string))) }))
    }

    /// `POST /auth` refusals (Atmosphere's `invalid_auth`).
    static func authRefused(_ reason: String) -> AtmosphereFault {
        AtmosphereFault(status: .badRequest, body: .object([("errors", .array([.object([
            ("code", .int(400)), ("message", .string("Authentication request refused -- " + reason)),
        ])]))]))
    }

    func response(for request: Request) -> Response {
        SandboxResponse.json(body, status: status, headers: headers, pythonStyle: false)
    }
}
