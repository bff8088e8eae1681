/// Finding a user, group or role by what a person types: an id or a unique name.
///
/// A positive number is tried as an id first; when no item has that id (404), it is looked up as a name
/// like any other text. Names are matched exactly among the results of Bonita's word search, so that
/// `hr` does not find `hr_assistants`.
extension BonitaClient {
    /// A user by id or user name.
    public func findUser(_ reference: String) async throws -> BonitaUser {
        try await find(reference, kind: "user", names: "id or user name", byID: { try await user(id: $0) },
                       candidates: { try await users(search: reference, page: $0, count: $1) },
                       matches: { $0.userName == reference }, label: { "id \($0.id)" }, hint: "give the id")
    }

    /// A group by id, name (`hr`), path (`/acme/hr`) or display name (`Human Resources`, as the
    /// console shows it). Names are unique only among siblings, so a name may match several groups; a
    /// path never does. A display name counts only when no name matches.
    public func findGroup(_ reference: String) async throws -> BonitaGroup {
        let isPath = reference.hasPrefix("/")
        let name = reference.split(separator: "/").last.map(String.init) ?? reference
        return try await find(reference, kind: "group", names: "id, name, display name or path", byID: { try await group(id: $0) },
                              candidates: { try await groups(search: name, page: $0, count: $1) },
                              matches: { isPath ? $0.path == reference : $0.name == reference },
                              alsoMatches: isPath ? nil : { $0.displayName == reference },
                              label: { $0.path }, hint: "give the path or the id")
    }

    /// A role by id, name (`member`) or display name (`Member`, as the console shows it); a display
    /// name counts only when no name matches.
    public func findRole(_ reference: String) async throws -> BonitaRole {
        try await find(reference, kind: "role", names: "id, name or display name", byID: { try await role(id: $0) },
                       candidates: { try await roles(search: reference, page: $0, count: $1) },
                       matches: { $0.name == reference }, alsoMatches: { $0.displayName == reference },
                       label: { "id \($0.id)" }, hint: "give the id")
    }

    /// The one item `reference` names: by id when it is a positive number and such an item exists, else
    /// the only candidate that `matches`, else (none matching) the only one that `alsoMatches`.
    /// Throws `.notFound` or `.ambiguous` with a one-line message.
    func find<Item: Sendable & Equatable>(_ reference: String, kind: String, names: String, byID: (Int) async throws -> Item,
                    candidates: (_ page: Int, _ count: Int) async throws -> BonitaPage<Item>,
                    matches: (Item) -> Bool, alsoMatches: ((Item) -> Bool)? = nil,
                    label: (Item) -> String, hint: String) async throws -> Item {
        if let id = Int(reference), id > 0 {
            do {
                return try await byID(id)
            } catch let error as MembershipError where error.httpStatus == 404 {
                // Not an id after all: perhaps a name made of digits.
            }
        }
        let all = try await collect("Bonita \(kind)s", candidates)
        var found = all.filter(matches)
        if found.isEmpty, let alsoMatches { found = all.filter(alsoMatches) }
        switch found.count {
        case 0: throw MembershipError.notFound("no Bonita \(kind) with \(names) '\(reference)'")
        case 1: return found[0]
        default:
            throw MembershipError.ambiguous("\(found.count) Bonita \(kind)s match '\(reference)' (\(found.map(label).joined(separator: ", "))); \(hint)")
        }
    }
}
