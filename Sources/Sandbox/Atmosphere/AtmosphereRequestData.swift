import Foundation
import HTTPTypes
import Hummingbird

/// DRF's `request.data` for Atmosphere's parsers: a JSON document, or a form's fields (each a string, the
/// last of a repeated name winning, as `QueryDict.get` reads it). No body is an empty object.
enum AtmosphereRequestData {
    /// DRF's JSON and form parsers read the whole stream (Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` is not
    /// applied to `request.data` before DRF 3.17); past the sandbox's own bound it answers in DRF's shape.
    static let bodyLimit = BodyLimit(bytes: SandboxBodyLimits.sandboxBytes) { _ in
        AtmosphereFault.detail(.contentTooLarge, SandboxBodyLimits.sandboxRefusal)
    }

    static func read(_ request: Request, context: SandboxRequestContext) async throws -> JSONValue {
        guard let data = try await request.collectedBody(context: context, limit: bodyLimit) else { return .object([]) }
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if mediaType == "application/x-www-form-urlencoded" {
            var fields: [(String, JSONValue)] = []
            for (name, value) in FormCoding.parse(String(decoding: data, as: UTF8.self)) {
                fields.removeAll { $0.0 == name }
                fields.append((name, .string(value)))
            }
            return .object(fields)
        }
        // A body without a type is read as JSON: the sandbox's clients always mean JSON.
        guard mediaType.isEmpty || mediaType == "application/json" || mediaType.hasSuffix("+json") else {
            throw AtmosphereFault.detail(.unsupportedMediaType, "Unsupported media type \"\(contentType)\" in request.")
        }
        guard let json = JSONValue.parse(data) else {
            throw AtmosphereFault.detail(.badRequest, "JSON parse error - the request body is not valid JSON")
        }
        return json
    }

    /// The data, or the error reading it, kept for later: an update looks its object up (404) before DRF
    /// parses the body.
    static func readLater(_ request: Request, context: SandboxRequestContext) async -> Result<JSONValue, any Error> {
        do { return .success(try await read(request, context: context)) } catch { return .failure(error) }
    }
}
