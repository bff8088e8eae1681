import Foundation

/// What the differential test compares of one answer: the status, the JSON key structure, the error
/// message, and the headers clients rely on. Ids, tokens and timestamps are not compared.
struct Observation: Equatable, CustomStringConvertible {
    var status: Int
    /// Every key path in the JSON body, e.g. `token.catalog[].endpoints[].url`.
    var keys: [String]
    /// Glance's `message`, Keystone's `error.message`, or a non-JSON body, with ids replaced.
    var message: String?
    var allow: String?
    var authenticates: Bool
    var hasRequestID: Bool
    var contentKind: String
    /// A download's `Content-MD5` (the same data on both sides has the same one).
    var contentMD5: String?

    init(_ exchange: Exchange, target: DifferentialTarget, compareBody: Bool = false) {
        status = exchange.status
        allow = exchange.headers.first(name: "Allow")
        authenticates = exchange.headers.first(name: "WWW-Authenticate") != nil
        hasRequestID = exchange.headers.first(name: "x-openstack-request-id") != nil
        contentMD5 = exchange.headers.first(name: "Content-MD5")
        let type = exchange.headers.first(name: "Content-Type") ?? ""
        contentKind = type.contains("json") ? "json" : type.contains("html") ? "html" : type.contains("plain") ? "plain" : (exchange.body.isEmpty ? "empty" : type)
        if let json = exchange.json, type.contains("json") {
            keys = Observation.keyPaths(json, prefix: "").sorted()
            let object = json as? [String: Any]
            let text = object?["message"] as? String ?? (object?["error"] as? [String: Any])?["message"] as? String
            message = text.map(target.normalise)
        } else {
            keys = []
            message = exchange.body.isEmpty ? nil : target.normalise(exchange.body)
        }
        if compareBody, message == nil { message = target.normalise(exchange.body) }
        // An empty body's Content-Type differs between WSGI servers and says nothing to a client.
        if exchange.body.isEmpty { contentKind = "empty" }
    }

    static func keyPaths(_ value: Any, prefix: String) -> Set<String> {
        var paths = Set<String>()
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let path = prefix.isEmpty ? key : prefix + "." + key
                paths.insert(path)
                paths.formUnion(keyPaths(child, prefix: path))
            }
        } else if let array = value as? [Any] {
            for element in array { paths.formUnion(keyPaths(element, prefix: prefix + "[]")) }
        }
        return paths
    }

    var description: String {
        "\(status) \(contentKind) message=\(message.map { "\"\($0)\"" } ?? "nil") allow=\(allow ?? "-") www-auth=\(authenticates) request-id=\(hasRequestID)\(contentMD5.map { " md5=" + $0 } ?? "") keys=\(keys)"
    }
}
