import HTTPTypes
import Hummingbird

/// Glance's errors are webob's.
typealias GlanceFault = WebobFault

/// The errors Glance's controllers and keystonemiddleware raise.
extension WebobFault {
    static func notFound(_ detail: String) -> GlanceFault { GlanceFault(status: .notFound, detail: detail) }
    static func forbidden(_ detail: String) -> GlanceFault { GlanceFault(status: .forbidden, detail: detail) }
    static func badRequest(_ detail: String) -> GlanceFault { GlanceFault(status: .badRequest, detail: detail) }

    /// Glance's own 500, for what crashes its Python (JSON nested past the recursion limit, a JSON pointer
    /// that is not a string).
    static let serverError = GlanceFault(status: .internalServerError,
                                         detail: "The server has either erred or is incapable of performing the requested operation.")

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
}
