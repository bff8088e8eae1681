import Foundation

/// Reads a JSON answer into a model, turning a decoding failure into `MembershipError.invalidResponse`
/// that says which key was wrong (not the body: it may be large and is untrusted).
enum JSONResponse {
    static func decode<T: Decodable>(_ response: HTTPResponseData, as type: T.Type = T.self, what: String? = nil) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: validUTF8(response.body))
        } catch {
            throw MembershipError.invalidResponse("\(what ?? "\(T.self)") could not be read: \(describe(error))")
        }
    }

    /// The body with any invalid UTF-8 replaced by U+FFFD. JSON must be UTF-8 and the decoder refuses
    /// a whole document for one bad byte; one image whose name a tenant filled with Latin-1 must not
    /// hide every other image of the page. The check is one pass; valid bodies are not copied.
    static func validUTF8(_ body: Data) -> Data {
        if String(validating: body, as: UTF8.self) != nil { return body }
        return Data(String(decoding: body, as: UTF8.self).utf8)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func place(_ context: DecodingError.Context) -> String {
            context.codingPath.isEmpty ? "" : " at " + context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, context): return "missing '\(key.stringValue)'\(place(context))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(context.debugDescription)\(place(context))"
        @unknown default: return String(describing: error)
        }
    }
}
