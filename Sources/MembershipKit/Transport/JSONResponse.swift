import Foundation

/// Reads a JSON answer into a model, turning a decoding failure into `MembershipError.invalidResponse`
/// that says which key was wrong (not the body: it may be large and is untrusted).
enum JSONResponse {
    static func decode<T: Decodable>(_ response: HTTPResponseData, as type: T.Type = T.self) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            throw MembershipError.invalidResponse("\(T.self) could not be read: \(describe(error))")
        }
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
