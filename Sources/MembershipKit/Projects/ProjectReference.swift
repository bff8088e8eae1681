import Foundation

/// What a user typed for a project: an id (32 hex digits, or a UUID, as Keystone makes them) or a
/// name, optionally `name@domain`. Anything else (`hello world`, an empty string) is neither, and
/// is refused unless the user says it is an id (Glance would store any string as a member).
public enum ProjectReference: Sendable, Equatable {
    case id(String)
    case name(String, domain: String?)

    /// Keystone's project names are at most 64 characters.
    public static let maxNameLength = 64

    /// 32 hex digits (`e5b7d4a63fc04ab1c26dae9f8a7b6c54`) or a UUID (`5e4d0023-6d0c-4e1a-9b7f-00d300000023`).
    public static func looksLikeID(_ text: String) -> Bool {
        let hex = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) || $0 == "-" }
        guard hex else { return false }
        if !text.contains("-") { return text.count == 32 }
        return text.split(separator: "-", omittingEmptySubsequences: false).map(\.count) == [8, 4, 4, 4, 12]
    }

    /// Reads typed text. `asID` (`--id`) takes any non-empty text as an id, as given.
    public static func parse(_ text: String, asID: Bool = false) throws(ProjectReferenceError) -> ProjectReference {
        guard !text.isEmpty else { throw .empty }
        if asID { return .id(text) }
        if looksLikeID(text) { return .id(text) }
        let (name, domain) = split(text)
        guard !name.isEmpty, name.count <= maxNameLength,
              !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.isWhitespace && $0 != " " }),
              name.trimmingCharacters(in: .whitespaces) == name else {
            throw .notANameOrID(text)
        }
        return .name(name, domain: domain)
    }

    /// `name@domain`: the last `@` separates them (a name may hold one, a domain may not).
    static func split(_ text: String) -> (String, String?) {
        guard let at = text.lastIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else { return (text, nil) }
        return (String(text[..<at]), String(text[text.index(after: at)...]))
    }
}

/// Why typed text names no project.
public enum ProjectReferenceError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case notANameOrID(String)

    public var description: String {
        switch self {
        case .empty: return "a project is needed: a name (name or name@domain) or an id"
        case let .notANameOrID(text):
            return "'\(text)' is neither a project name nor a Keystone id (32 hex digits or a UUID); give --id if it is an id all the same"
        }
    }
}
