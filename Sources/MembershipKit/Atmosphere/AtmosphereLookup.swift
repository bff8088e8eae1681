import Foundation

/// Finding a version or a group from what a user types: an id, or a name that has to be unique.
extension AtmosphereClient {
    /// A version by UUID, by `image name:version name`, or by a version name that only one visible
    /// version has. Names are compared exactly; the qualified form wins over a bare version name
    /// (`1.0` is usually ambiguous, `Ubuntu 22.04 GIS:1.0` rarely).
    public func findVersion(_ reference: String) async throws -> AtmosphereVersion {
        if UUID(uuidString: reference) != nil {
            do {
                return try await version(id: reference)
            } catch let error as MembershipError where error.httpStatus == 404 {
                // Not a version id the caller can see; it may still be a name.
            }
        }
        let versions = try await versions()
        let qualified = versions.filter { $0.image != nil && $0.qualifiedName == reference }
        let matches = qualified.isEmpty ? versions.filter { $0.name == reference } : qualified
        return try Self.single(matches, kind: "image version", reference: reference,
                               hint: "give its id or \"image name:version name\"") { "\($0.qualifiedName) (\($0.id))" }
    }

    /// A group by integer id, UUID, or exact name, among every group (not only the caller's).
    public func findGroup(_ reference: String) async throws -> AtmosphereGroup {
        if Int(reference) != nil || UUID(uuidString: reference) != nil {
            do {
                return try await group(id: reference)
            } catch let error as MembershipError where error.httpStatus == 404 {
                // No group has that id; it may still be a name.
            }
        }
        // Atmosphere's group search takes each word as a prefix of the whole name, so only the first
        // word is asked for; the exact name is then picked from the answer.
        let firstWord = reference.split(whereSeparator: { $0.isWhitespace || $0 == "," }).first.map(String.init) ?? ""
        let matches = try await groups(search: firstWord).filter { $0.name == reference }
        return try Self.single(matches, kind: "group", reference: reference, hint: "give its id") { "\($0.name) (\($0.id), \($0.uuid))" }
    }

    /// The only match, or `.notFound` / `.ambiguous` naming the candidates on one line.
    static func single<T>(_ matches: [T], kind: String, reference: String, hint: String, describe: (T) -> String) throws -> T {
        switch matches.count {
        case 0: throw MembershipError.notFound("no \(kind) with id or name '\(reference)'")
        case 1: return matches[0]
        default:
            let shown = 10
            var names = matches.prefix(shown).map(describe).joined(separator: ", ")
            if matches.count > shown { names += " and \(matches.count - shown) more" }
            throw MembershipError.ambiguous("\(matches.count) \(kind)s match '\(reference)': \(names); \(hint)")
        }
    }
}
