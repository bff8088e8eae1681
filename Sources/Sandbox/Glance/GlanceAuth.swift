import Foundation
import Hummingbird

/// keystonemiddleware in front of Glance: a valid `X-Auth-Token` or 401.
enum GlanceAuth {
    static func caller(_ request: Request, database: SandboxDatabase) async throws -> KeystoneCaller {
        guard let caller = try await database.keystoneCaller(token: request.header("X-Auth-Token")) else {
            throw GlanceFault.unauthorized(identityURI: request.origin + KeystoneModule.root)
        }
        return caller
    }
}

/// Glance's JSON request deserializer: its checks come before the controller's, with its messages.
enum GlanceBody {
    /// The deepest JSON Glance 33 parses on the reference stack before Python's recursion limit (`JSONNesting`).
    static let nestingLimit = 918

    /// The body as a JSON document, or Glance's 400s for none and for malformed JSON.
    static func document(_ data: [UInt8]?) throws -> JSONValue {
        guard let data, !data.isEmpty else { throw GlanceFault.badRequest("Body expected in request.") }
        guard !JSONNesting.exceeds(Data(data), nestingLimit) else {
            throw GlanceFault(status: .internalServerError, detail: "The server has either erred or is incapable of performing the requested operation.")
        }
        guard let json = JSONValue.parse(Data(data)) else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
        return json
    }

    static func object(_ data: Data?) throws -> JSONValue {
        let json = try document(data.map { Array($0) })
        guard json.isObject else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
        return json
    }

    /// GET and DELETE refuse a body.
    static func refuseBody(_ data: Data?) throws {
        if let data, !data.isEmpty { throw GlanceFault.badRequest("A body is not expected with this request.") }
    }
}
