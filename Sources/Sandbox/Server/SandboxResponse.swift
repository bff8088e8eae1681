import Foundation
import HTTPTypes
import Hummingbird

/// Builders for the answers routes give.
public enum SandboxResponse {
    public static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], pythonStyle: Bool = true) -> Response {
        text(value.serialized(pythonStyle: pythonStyle), status: status, contentType: "application/json", headers: headers)
    }

    public static func text(_ body: String, status: HTTPResponse.Status, contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    public static func empty(status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        Response(status: status, headers: headers, body: .init())
    }
}

extension Request {
    /// A header value by name.
    public func header(_ name: String) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        return headers[field]
    }

    /// Query parameters in the order given, percent-decoded (repeated keys kept).
    public var orderedQuery: [(String, String)] {
        guard let query = uri.query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = FormCoding.decode(String(pieces[0]))
            let value = pieces.count > 1 ? FormCoding.decode(String(pieces[1])) : ""
            return (key, value)
        }
    }
}

/// `application/x-www-form-urlencoded` as Python's `urllib.parse` writes and reads it.
public enum FormCoding {
    public static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }

    /// `urlencode` / `quote_plus`: letters, digits and `_.-~` stay, a space becomes `+`.
    public static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "_.-~ ")
        let escaped = text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
        return escaped.replacingOccurrences(of: " ", with: "+")
    }

    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Parses a form body into ordered pairs.
    public static func parse(_ body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(String(pieces[0])), pieces.count > 1 ? decode(String(pieces[1])) : "")
        }
    }
}

extension HTTPField.Name {
    /// `x-openstack-request-id`, which Keystone and Glance put on their answers.
    static let openstackRequestID = HTTPField.Name("x-openstack-request-id")!
}
