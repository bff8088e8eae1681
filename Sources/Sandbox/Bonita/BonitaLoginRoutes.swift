import Foundation
import HTTPTypes
import Hummingbird

/// `/bonita/loginservice` and `/bonita/logoutservice`, the portal's servlets in front of the REST API.
///
/// A login answers 204 (the sandbox ignores `redirect`: it never redirects) with the session cookie
/// (`JSESSIONID`, HttpOnly) and the CSRF cookie (`X-Bonita-API-Token`, readable by scripts, which must echo it
/// in a header on every unsafe call), plus Bonita's `bonita.tenant` and `BOS_Locale` cookies.
enum BonitaLoginRoutes {
    static func add(to router: Router<SandboxRequestContext>, database: SandboxDatabase) {
        router.post("bonita/loginservice") { request, context in
            try await login(request, context: context, database: database)
        }
        for method in [HTTPRequest.Method.get, .post] {
            router.on("bonita/logoutservice", method: method) { request, _ in
                try await logout(request, database: database)
            }
        }
    }

    /// Tomcat's `maxPostSize` (2 MB): past it the connector parses no form parameters at all, so the
    /// login finds no credentials in the body (only the query's) and answers 401.
    static let formLimit = BodyLimit(bytes: 2 << 20) { _ in PostTooLarge() }
    struct PostTooLarge: Error {}

    static func login(_ request: Request, context: SandboxRequestContext, database: SandboxDatabase) async throws -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return SandboxResponse.empty(status: .unsupportedMediaType)
        }
        let body: String
        do {
            body = try await request.collectedBody(context: context, limit: formLimit).map { String(decoding: $0, as: UTF8.self) } ?? ""
        } catch is PostTooLarge {
            body = ""
        }
        // Like a servlet's getParameter: the query string and the form body together, first value wins.
        let parameters = request.orderedQuery + FormCoding.parse(body)
        func parameter(_ name: String) -> String? { parameters.first { $0.0 == name }?.1 }
        guard let userName = parameter("username"), let password = parameter("password"),
              let caller = try await database.write({ db in try BonitaSessions.login(userName: userName, password: password, in: db) }) else {
            return SandboxResponse.empty(status: .unauthorized)
        }
        var headers: HTTPFields = [:]
        for cookie in [
            "\(BonitaGate.sessionCookie)=\(caller.sessionID); Path=/bonita; HttpOnly",
            "\(BonitaGate.tokenName)=\(caller.apiToken); Path=/bonita",
            "bonita.tenant=1; Path=/bonita",
            "BOS_Locale=en; Path=/",
        ] {
            headers.append(HTTPField(name: .setCookie, value: cookie))
        }
        return SandboxResponse.empty(status: .noContent, headers: headers)
    }

    /// Ends the session named by the cookie (if any) and clears both cookies.
    static func logout(_ request: Request, database: SandboxDatabase) async throws -> Response {
        if let sessionID = BonitaGate.cookie(BonitaGate.sessionCookie, in: request), !sessionID.isEmpty {
            try await database.write { db in try BonitaSessions.logout(sessionID, in: db) }
        }
        var headers: HTTPFields = [:]
        for name in [BonitaGate.sessionCookie, BonitaGate.tokenName] {
            headers.append(HTTPField(name: .setCookie, value: "\(name)=; Path=/bonita; Max-Age=0"))
        }
        return SandboxResponse.empty(status: .noContent, headers: headers)
    }
}
