import HTTPTypes
import Hummingbird

/// Keystone's error body: `{"error":{"code":401,"message":"…","title":"Unauthorized"}}`.
struct KeystoneFault: SandboxFault {
    let status: HTTPResponse.Status
    let message: String
    /// The identity root for `WWW-Authenticate`, set on 401s.
    var authenticateURI: String?

    static let clientError = " The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error."

    static func unauthorized(_ request: Request) -> KeystoneFault {
        KeystoneFault(status: .unauthorized, message: "The request you have made requires authentication.",
                      authenticateURI: request.origin + KeystoneModule.root)
    }

    /// 404 for a token that cannot be used: Keystone tells an empty id, a string that is no token at all
    /// and a token that is no longer valid apart.
    static func tokenNotFound(_ id: String) -> KeystoneFault {
        let message = id.isEmpty ? "No token in the request"
            : KeystoneTokens.looksLikeToken(id) ? "Failed to validate token" : "Could not recognize Fernet token"
        return KeystoneFault(status: .notFound, message: message)
    }

    static func badRequest(_ message: String) -> KeystoneFault {
        KeystoneFault(status: .badRequest, message: message + clientError)
    }

    func response(for request: Request) -> Response {
        var headers: HTTPFields = [:]
        if let authenticateURI { headers[.wwwAuthenticate] = "Keystone uri=\"\(authenticateURI)\"" }
        headers[.vary] = "X-Auth-Token"
        let body = JSONValue.object([("error", .object([
            ("code", .int(status.code)), ("message", .string(message)), ("title", .string(status.reasonPhrase)),
        ]))])
        return SandboxResponse.json(body, status: status, headers: headers, pythonStyle: false)
    }
}
