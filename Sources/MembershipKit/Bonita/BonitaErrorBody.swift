import Foundation

/// Bonita's error answers reduced to one readable line.
///
/// The REST servlet writes a Java exception as
/// `{"exception":"class <FQCN>","message":"…","cause":{"exception":…,"message":…},"api":…,"resource":…}`.
/// Its messages are often the `toString()` of an engine exception (`org.….DeletionException: USERNAME=install
/// | org.….SIdentityException: Can't get the userMembership …`): the class names and the `USERNAME=` tag say
/// nothing to a user, so they are dropped and the sentence is kept. The cause is added when it says
/// something the message does not ("This membership is already added to user" only makes sense with it).
///
/// Bonita's filters answer 401 and 403 with no body at all, and some missing items are a bare 404: those get
/// a sentence from the caller, who knows what was attempted.
struct BonitaErrorBody: Sendable, Equatable, Decodable {
    struct Cause: Sendable, Equatable, Decodable {
        var exception: String?
        var message: String?
    }

    /// `class org.bonitasoft.….APIForbiddenException`, as sent.
    var exception: String
    var message: String?
    var cause: Cause?

    /// The body as Bonita's exception JSON, or nil when it is something else (empty, HTML from a proxy …).
    static func parse(_ body: Data) -> BonitaErrorBody? {
        // Real exception bodies are small; a huge one is read as text by the generic decoder's bounded prefix.
        guard body.count <= ErrorBodyDecoder.inspectedBytes else { return nil }
        return try? JSONDecoder().decode(BonitaErrorBody.self, from: body)
    }

    /// The exception's class without its package (`APIForbiddenException`).
    var simpleClassName: String { Self.simpleName(exception) }

    /// The engine refused a duplicate: `APIForbiddenException` around an `AlreadyExistsException`.
    var isAlreadyExists: Bool {
        Self.simpleName(cause?.exception ?? "") == "AlreadyExistsException" || message == "This membership is already added to user"
    }

    /// The message, cleaned, followed by the cause when it adds something.
    var text: String {
        let original = message ?? ""
        let main = Self.clean(original)
        let detail = Self.clean(cause?.message ?? "")
        // A message that was only a class name (an exception without a message) keeps the class's short name.
        let head = !main.isEmpty ? main : Self.simpleName(original.isEmpty ? exception : original)
        guard !detail.isEmpty, !head.contains(detail) else { return head }
        return head + ": " + detail
    }

    /// One line for an error answer: Bonita's JSON as above; an empty body as `emptyBody` says (nil: the
    /// status's reason); anything else as the SDK's generic decoder reads it.
    static func message(status: Int, contentType: String?, body: Data, emptyBody: String?) -> String {
        if let error = parse(body) {
            return ErrorBodyDecoder.finish(error.text, status: status)
        }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }), let emptyBody { return emptyBody }
        return ErrorBodyDecoder.message(status: status, contentType: contentType, body: body)
    }

    /// Drops `USERNAME=… | ` tags and the Java class names that lead a message or follow a `: ` or `| `.
    static func clean(_ text: String) -> String {
        // Only the start of a message can be shown; cleaning a bounded prefix keeps the regexes cheap.
        var result = String(text.prefix(4096)).replacingOccurrences(of: #"USERNAME=[^|]*\|\s*"#, with: "", options: .regularExpression)
        let className = #"(?:[a-z_][a-z0-9_]*\.)+[A-Z][A-Za-z0-9_$]*"#
        result = result.replacingOccurrences(of: #"(^|:\s|\|\s)"# + className + #"(?::\s*|$)"#, with: "$1", options: .regularExpression)
        // A class name may lead what the previous one left (`A: B: sentence`).
        while let range = result.range(of: "^" + className + #"(?::\s*|$)"#, options: .regularExpression) {
            result.removeSubrange(range)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    static func simpleName(_ exception: String) -> String {
        let name = exception.hasPrefix("class ") ? String(exception.dropFirst("class ".count)) : exception
        return name.split(separator: ".").last.map(String.init) ?? name
    }
}
