import HTTPTypes
import Hummingbird

/// Bonita's error answers. The REST servlet writes an exception as
/// `{"exception":"class <FQCN>","message":"…","cause":{…},"api":"identity","resource":"membership",…}`
/// (only the first cause, then the API's own attributes such as `filterName` or `page`); its filters answer
/// 401 and 403 with no body at all, and an item the API cannot find can be a bare 404 too.
struct BonitaFault: SandboxFault {
    let status: HTTPResponse.Status
    /// nil: an empty body.
    let exception: BonitaException?

    static let unauthorized = BonitaFault(status: .unauthorized, exception: nil)
    static let forbidden = BonitaFault(status: .forbidden, exception: nil)

    init(status: HTTPResponse.Status, exception: BonitaException?) {
        self.status = status
        self.exception = exception
    }

    /// A 500, the servlet's answer to anything it has no better status for.
    static func internalError(_ exception: BonitaException) -> BonitaFault {
        BonitaFault(status: .internalServerError, exception: exception)
    }

    func response(for request: Request) -> Response {
        guard let exception else { return SandboxResponse.empty(status: status) }
        return BonitaResponse.json(exception.json, status: status)
    }
}

/// One serialised Java exception, in the order Bonita's `JsonExceptionSerializer` writes its fields.
struct BonitaException: Sendable {
    /// Fully qualified Java class name, without the `class ` prefix.
    let className: String
    let message: String
    var cause: (className: String, message: String)?
    /// The API and resource the servlet stamps on an `APIException`; nil for a plain Java exception.
    var api: String?
    var resource: String?
    /// Attributes the exception class appends after `api` and `resource`.
    var extra: [(String, JSONValue)] = []

    static let toolkit = "org.bonitasoft.web.toolkit.client.common.exception.api."
    static let framework = "org.bonitasoft.web.rest.server.framework.exception."

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("exception", .string("class " + className)), ("message", .string(message))]
        if let cause {
            fields.append(("cause", .object([("exception", .string("class " + cause.className)), ("message", .string(cause.message))])))
        }
        if let api { fields.append(("api", .string(api))) }
        if let resource { fields.append(("resource", .string(resource))) }
        return .object(fields + extra)
    }

    /// An `APIException` of the toolkit stamped with `identity` and the resource.
    static func api(_ simpleName: String, _ message: String, resource: String, cause: (String, String)? = nil,
                    extra: [(String, JSONValue)] = []) -> BonitaException {
        BonitaException(className: toolkit + simpleName, message: message, cause: cause.map { (className: $0.0, message: $0.1) },
                        api: BonitaAPI.name, resource: resource, extra: extra)
    }

    /// `new APIException(engineException)`: the message is the cause's `toString()` (the bare class name when
    /// the cause has no message), and the cause is listed.
    static func wrapping(engineClass: String, engineMessage: String, resource: String) -> BonitaException {
        api("APIException", engineMessage.isEmpty ? engineClass : engineClass + ": " + engineMessage, resource: resource,
            cause: (engineClass, engineMessage))
    }

    /// `APIMissingIdException`: the DELETE servlet's own wording for a missing or malformed id list.
    static func missingID(_ message: String, resource: String) -> BonitaException {
        BonitaException(className: framework + "APIMissingIdException", message: message, api: BonitaAPI.name, resource: resource)
    }

    /// `APIMissingIdException` for a call that needs an item id and has none: a PUT on the collection, and
    /// (Bonita's quirk) a GET without any query parameter, which the servlet does not take for a search.
    static func missingItemID(in request: Request, resource: String) -> BonitaException {
        missingID("Id of the item to retrieve is missing in url " + request.origin + request.uri.path, resource: resource)
    }

    /// A Java exception that is not an `APIException` (a `NumberFormatException` from `Integer.parseInt`):
    /// written without `api` and `resource`.
    static func java(_ className: String, _ message: String) -> BonitaException {
        BonitaException(className: className, message: message)
    }
}

/// Names shared by every Bonita route.
enum BonitaAPI {
    /// The only REST API the sandbox serves.
    static let name = "identity"
    /// What an `APIException` says for api and resource when it was raised before the servlet knew them
    /// (an incorrect id in the URL), or below an exception that hid it (a datastore that wraps everything).
    static let unknown = "..."
}

/// JSON answers as Bonita's servlet writes them: compact, `application/json;charset=UTF-8`.
enum BonitaResponse {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        SandboxResponse.text(value.serialized(pythonStyle: false), status: status, contentType: "application/json;charset=UTF-8", headers: headers)
    }
}
