/// The plan of one subject on the systems whose members carry at most one setting (Glance v1's
/// `can_share`; none on Atmosphere and Bonita): what to add, what to change, what to remove.
/// Entries that name the same subject are merged first, so a glob and an exact name may overlap.
struct MembershipDiff: Sendable {
    struct Wanted: Sendable {
        let key: String
        let name: String
        /// The setting asked for (`true` for can_share), nil where the system has none.
        let setting: String?
        let line: Int
    }

    struct Held: Sendable {
        let key: String
        let name: String
        let setting: String?
    }

    /// One subject and everything the manifest asks of it.
    struct Subject: Sendable {
        let id: String
        let name: String
        let line: Int
        var exclusive: Bool
        var members: [Wanted]
    }

    /// Adds a share's resolved members to the subject of id `id`, or starts that subject.
    static func merge(_ subjects: inout [Subject], id: String, name: String, line: Int, exclusive: Bool, members: [Wanted]) {
        var subject = subjects.first(where: { $0.id == id }) ?? Subject(id: id, name: name, line: line, exclusive: false, members: [])
        subject.exclusive = subject.exclusive || exclusive
        for member in members {
            // A later entry's setting wins, as a later line in a file would.
            if let index = subject.members.firstIndex(where: { $0.key == member.key }) { subject.members[index] = member } else { subject.members.append(member) }
        }
        if let index = subjects.firstIndex(where: { $0.id == id }) { subjects[index] = subject } else { subjects.append(subject) }
    }

    let verb: String
    /// The name of the setting in the plan (`can_share`).
    let settingName: String
    /// The requests, given the subject's id and the member.
    typealias Operation<Member> = @Sendable (String, Member) async throws -> Void
    let add: Operation<Wanted>
    let change: Operation<Wanted>
    let remove: Operation<Held>

    init(verb: String, settingName: String = "", add: @escaping Operation<Wanted>, change: @escaping Operation<Wanted> = { _, _ in },
         remove: @escaping Operation<Held>) {
        self.verb = verb
        self.settingName = settingName
        self.add = add
        self.change = change
        self.remove = remove
    }

    func changes(_ subject: Subject, held: [Held]) -> [PlannedChange] {
        var changes: [PlannedChange] = []
        for member in subject.members {
            let detail = member.setting.map { "\(settingName) \($0)" } ?? ""
            guard let existing = held.first(where: { $0.key == member.key }) else {
                changes.append(PlannedChange(.add, verb: verb, subject: subject.name, subjectID: subject.id, member: member.name, memberID: member.key,
                                             detail: detail, line: member.line) { try await add(subject.id, member) })
                continue
            }
            if let wanted = member.setting, existing.setting != wanted {
                changes.append(PlannedChange(.change, verb: settingName, subject: subject.name, subjectID: subject.id, member: member.name, memberID: member.key,
                                             detail: "\(existing.setting ?? "unset") → \(wanted)", line: member.line) { try await change(subject.id, member) })
            }
        }
        if subject.exclusive {
            for existing in held where !subject.members.contains(where: { $0.key == existing.key }) {
                changes.append(PlannedChange(.remove, verb: "remove", subject: subject.name, subjectID: subject.id, member: existing.name, memberID: existing.key,
                                             detail: "not in the manifest, which is exclusive here", line: subject.line) { try await remove(subject.id, existing) })
            }
        }
        return changes
    }
}
