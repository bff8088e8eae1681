import Foundation
import MembershipKit

/// Project names for commands: the directory of the Keystone a session talks to, and turning what
/// the user typed (a name, `name@domain`, an id) into ids before anything is sent to Glance.
extension CommandContext {
    func aliasBook() throws -> ProjectAliasBook {
        let path = ProjectAliasBook(xdg: xdg).path
        do throws(YAMLReadError) {
            return try ProjectAliasBook.load(path: path)
        } catch {
            throw MembershipError.configuration(.malformedFile(path: error.path, detail: error.line.map { "line \($0): " } .map { $0 + error.problem } ?? error.problem))
        }
    }

    /// The clouds of clouds.yaml that load (a broken one is not a reason to fail a lookup).
    var allClouds: [CloudConfig] {
        let loader = self.loader
        return ((try? loader.cloudNames()) ?? []).compactMap { try? loader.load(cloudName: $0, regionName: options.region) }
    }

    func projectDirectory(_ session: OpenStackSession) throws -> ProjectDirectory {
        let tokens = TokenCache(xdg: xdg)
        let requestLog = self.requestLog
        return ProjectDirectory(session: session, aliases: try aliasBook(), cache: ProjectNameCache(xdg: xdg), otherClouds: allClouds,
                                tokenCache: tokens, login: { cloud in
                                    try await OpenStackSession.make(cloud: cloud, tokenCache: tokens, requestLog: requestLog).validToken()
                                })
    }

    /// The project ids `references` name, in order; an unknown, ambiguous or malformed one stops
    /// the command (exit 2) before any request to Glance.
    func projectIDs(_ references: [String], asIDs: Bool, session: OpenStackSession) async throws -> [String] {
        var parsed: [ProjectReference] = []
        for reference in references {
            do throws(ProjectReferenceError) { parsed.append(try ProjectReference.parse(reference, asID: asIDs)) } catch {
                throw CommandLineMistake(error.description)
            }
        }
        // Ids need no lookup: no directory, no request.
        guard parsed.contains(where: { if case .name = $0 { true } else { false } }) else {
            return parsed.map { if case let .id(id) = $0 { id } else { "" } }
        }
        let directory = try projectDirectory(session)
        var ids: [String] = []
        for reference in parsed {
            do {
                ids.append(try await directory.resolve(reference).id)
            } catch let error as ProjectNameError {
                throw CommandLineMistake(error.description)
            }
        }
        return ids
    }

    /// Names for the ids of a listing (those some source knows).
    func projectNames(_ ids: [String], session: OpenStackSession) async -> [String: ProjectName] {
        guard !ids.isEmpty, let directory = try? projectDirectory(session) else { return [:] }
        return await directory.names(of: ids)
    }
}
