import Foundation
import GRDB

/// What `POST /v3/auth/tokens` asked for, checked the way Keystone checks it (schema first, then the
/// method's own fields; unknown accounts and wrong passwords are all the same 401).
struct KeystoneAuthAttempt {
    enum Identity {
        case password(userID: String?, userName: String?, domain: String?, password: String)
        case token(String)
    }

    enum Scope {
        /// No scope asked for: Keystone scopes to the user's default project.
        case none
        /// `"scope": "unscoped"`: a token without a project, even for a user with a default project.
        case unscoped
        case project(id: String?, name: String?)
        case unsupported
    }

    let methods: [String]
    let identity: Identity
    let scope: Scope

    /// The deepest JSON Keystone 30 parses on the reference stack before Python's recursion limit, past
    /// which the request ends in gunicorn's 500 page (`JSONNesting`).
    static let nestingLimit = 926

    static func parse(_ body: Data?) throws -> KeystoneAuthAttempt {
        if let body, JSONNesting.exceeds(body, nestingLimit) { throw WSGIServerError() }
        guard let body, let json = JSONValue.parse(body) else {
            throw KeystoneFault.badRequest("Expecting to find valid JSON in request body.")
        }
        guard let auth = json["auth"], auth.isObject else { throw KeystoneFault.badRequest("Expecting to find auth in request body.") }
        guard let identity = auth["identity"], identity.isObject else {
            throw KeystoneFault(status: .badRequest, message: "'identity' is a required property")
        }
        guard let methods = identity["methods"]?.arrayValue else {
            throw KeystoneFault(status: .badRequest, message: "Invalid input for field 'identity': 'methods' is a required property")
        }
        let names = methods.compactMap(\.stringValue)
        guard let method = names.first else {
            throw KeystoneFault(status: .badRequest, message: "Invalid input for field 'identity': 'methods' is a required property")
        }
        guard let details = identity[method], details.isObject else {
            throw KeystoneFault.badRequest("Expecting to find \(method) in identity.")
        }
        let parsedIdentity: Identity
        switch method {
        case "password":
            guard let user = details["user"], user.isObject else { throw KeystoneFault.badRequest("Expecting to find user in password.") }
            guard let password = user["password"]?.stringValue else { throw KeystoneFault.badRequest("Expecting to find password in user.") }
            let userID = user["id"]?.stringValue
            let userName = user["name"]?.stringValue
            var domain: String?
            if userID == nil {
                guard userName != nil else { throw KeystoneFault.badRequest("Expecting to find id or name in user.") }
                guard let domainValue = user["domain"], domainValue.isObject else { throw KeystoneFault.badRequest("Expecting to find domain in user.") }
                domain = domainValue["name"]?.stringValue ?? domainValue["id"]?.stringValue
            }
            parsedIdentity = .password(userID: userID, userName: userName, domain: domain, password: password)
        case "token":
            guard let id = details["id"]?.stringValue else { throw KeystoneFault.badRequest("Expecting to find id in token.") }
            parsedIdentity = .token(id)
        default:
            // Application credentials, TOTP and the rest are not part of the sandbox's Keystone subset.
            throw KeystoneFault(status: .unauthorized, message: "Attempted to authenticate with an unsupported method.")
        }
        return KeystoneAuthAttempt(methods: names, identity: parsedIdentity, scope: try parseScope(auth["scope"]))
    }

    /// Keystone refuses a scope naming none of its kinds before it looks at the credentials (observed: the
    /// same 400 with a wrong password); an object naming another kind than a project is beyond the sandbox.
    private static func parseScope(_ scope: JSONValue?) throws -> Scope {
        guard let scope else { return .none }
        let kinds = ["system", "project", "domain", "OS-TRUST:trust"]
        if scope.stringValue == "unscoped" { return .unscoped }
        guard scope.isObject, scope.objectKeys.contains(where: kinds.contains) else {
            guard scope.isObject || scope.stringValue != nil else { return .none }
            throw KeystoneFault.badRequest("Expecting to find system, project, domain, OS-TRUST:trust or unscoped in scope.")
        }
        if let project = scope["project"], project.isObject {
            return .project(id: project["id"]?.stringValue, name: project["name"]?.stringValue)
        }
        return .unsupported
    }
}
