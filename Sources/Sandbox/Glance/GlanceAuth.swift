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
        guard !JSONNesting.exceeds(Data(data), nestingLimit) else { throw GlanceFault.serverError }
        guard let json = JSONValue.parse(Data(data)) else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
        return json
    }

    /// Glance 33's v2 deserializer: a document, and one that is a list or an object (a bare string, number
    /// or null is refused before any controller reads it).
    static func listOrObject(_ data: [UInt8]?) throws -> JSONValue {
        let json = try document(data)
        switch json {
        case .array, .object: return json
        default: throw GlanceFault.badRequest("Unexpected body type. Expected list/dict.")
        }
    }

    static func object(_ data: Data?) throws -> JSONValue {
        let json = try listOrObject(data.map { Array($0) })
        guard json.isObject else { throw GlanceFault.badRequest("Malformed JSON in request body.") }
        return json
    }

    /// GET and DELETE refuse a body.
    static func refuseBody(_ data: Data?) throws {
        if let data, !data.isEmpty { throw GlanceFault.badRequest("A body is not expected with this request.") }
    }
}
