/// Turns a lookup that found nothing (or too much) into a refusal that names the manifest line: a
/// typo in a manifest is the user's to fix, not a server failure. Other failures (the server
/// cannot be reached) pass through as they are.
enum ManifestLookup {
    static func at<T: Sendable>(_ line: Int, in document: ManifestDocument, _ lookup: () async throws -> T) async throws -> T {
        do {
            return try await lookup()
        } catch let error as ProjectNameError {
            throw document.error(line: line, error.description)
        } catch let error as ProjectReferenceError {
            throw document.error(line: line, error.description)
        } catch let error as MembershipError {
            switch error {
            case .notFound, .ambiguous, .invalidInput: throw document.error(line: line, error.description)
            case .http where error.httpStatus == 404: throw document.error(line: line, error.description)
            default: throw error
            }
        }
    }
}

/// Project names and ids for a manifest: what a reference names, and the names of ids for output.
public struct ProjectResolver: Sendable {
    public let resolve: @Sendable (ProjectReference) async throws -> (id: String, name: String?)
    public let names: @Sendable ([String]) async -> [String: ProjectName]

    public init(resolve: @escaping @Sendable (ProjectReference) async throws -> (id: String, name: String?),
                names: @escaping @Sendable ([String]) async -> [String: ProjectName]) {
        self.resolve = resolve
        self.names = names
    }

    public init(directory: ProjectDirectory) {
        self.init(resolve: { try await directory.resolve($0) }, names: { await directory.names(of: $0) })
    }

    /// The project ids of a share's members, in order, without repeats.
    func ids(of members: [ManifestMember], in document: ManifestDocument) async throws -> [(member: ManifestMember, id: String, name: String?)] {
        var found: [(member: ManifestMember, id: String, name: String?)] = []
        for member in members {
            let (id, name) = try await ManifestLookup.at(member.line, in: document) {
                try await resolve(try ProjectReference.parse(member.reference, asID: member.asID))
            }
            if !found.contains(where: { $0.id == id }) { found.append((member, id, name)) }
        }
        return found
    }

    /// How an exported manifest names a project: its name where that name finds this very id
    /// again, else the id (a name shared by two projects, or none known).
    func reference(for id: String, name: String?) async -> ExportedMember {
        if let name, let back = try? await resolve(.name(name, domain: nil)), back.id == id {
            return ExportedMember(reference: name, comment: id)
        }
        return ExportedMember(reference: id, asID: !ProjectReference.looksLikeID(id), comment: name)
    }
}
