import Console
import MembershipKit

/// The rows of Glance v2's panes, each with the changes the viewer may make to it: the owner (or an
/// admin) adds and removes members; a member project (or an admin) accepts, rejects and resets its
/// own share. Keys a viewer may not use say why. Public for `console-bench`, which fills the panes
/// as a session would.
public enum GlanceV2Rows {
    /// Who is looking: what a row offers depends on it.
    public struct Viewer: Sendable, Hashable {
        public var projectID: String
        public var isAdmin: Bool

        public init(projectID: String, isAdmin: Bool) {
            self.projectID = projectID
            self.isAdmin = isAdmin
        }
    }

    /// What a row is, for the adapter: an image of the images pane, a share of the inbox (both
    /// open the image's members) or a member row. An image is named by its id alone, small enough
    /// to be stored without an allocation in each of 10,000 rows; the rest is in the row's cells.
    enum Ref: Hashable, Sendable {
        case image(id: String)
        case share(imageID: String)
        case member(imageID: String, memberID: String)
    }

    /// What an operation asks. A status change answers with a row of the pane it came from.
    enum Request: Hashable, Sendable {
        case setStatus(image: Image, sharedAt: String?, memberID: String, to: MemberStatus, answer: PaneID)
        /// Adds to the image the operation was sent for (its target); the member id is the
        /// operation's argument (typed in the prompt).
        case add
        case remove(image: Image, memberID: String)
        /// Makes the target image shared (it was private, public or community), so it can have members.
        case makeShared
        /// A member's status set with the member project's own credentials (the handshake).
        case setStatusAsConsumer(image: Image, sharedAt: String?, memberID: String, to: MemberStatus)
    }

    static func label(_ image: Image) -> String {
        guard let name = image.name, !name.isEmpty else { return image.id }
        return name
    }

    /// The one membership a row shows: an image and a project. My own membership is named by the
    /// image's id alone (the string the row already holds), so 10,000 image rows allocate nothing for it.
    static func subject(imageID: String, memberID: String, viewer: Viewer) -> String {
        memberID == viewer.projectID ? imageID : imageID + "/" + memberID
    }

    /// Pending first, then accepted, then rejected (the inbox's order).
    static func statusOrder(_ status: String) -> String {
        switch status {
        case "pending": return "0"
        case "accepted": return "1"
        case "rejected": return "2"
        default: return "3" + status
        }
    }

    static func action(for status: MemberStatus) -> Action {
        switch status {
        case .accepted: return .accept
        case .rejected: return .reject
        case .pending: return .pending
        }
    }

    static func verb(_ status: MemberStatus) -> String {
        switch status {
        case .accepted: return "accept"
        case .rejected: return "reject"
        case .pending: return "reset"
        }
    }

    // MARK: Images

    public static func imageRow(_ image: Image, viewer: Viewer) -> RecordRow {
        let own = image.owner == viewer.projectID
        let name = label(image)
        // Glance keeps members only for shared images (it answers 403 for the others' members).
        let shared = image.visibility.map { $0.isEmpty || $0 == "shared" } ?? true
        let actions = !(own || viewer.isAdmin) ? othersActions : shared ? ownerActions : unsharedActions(image.visibility ?? "")
        // The Share column (my status) is filled in from the inbox, whose rows share the subject.
        var row = RecordRow(key: image.id, cells: [image.name ?? "", image.id, image.visibility ?? "", image.owner ?? "", "", image.createdAt ?? ""],
                            ref: RowRef(Ref.image(id: image.id)), label: name, actions: actions,
                            opensDetail: true, subject: own ? nil : subject(imageID: image.id, memberID: viewer.projectID, viewer: viewer), isMine: own)
        if !shared, let visibility = image.visibility { row.detailNote = noMembersNote(visibility) }
        return row
    }

    /// One string per visibility, shared by every row of it (10,000 private images hold one).
    static let noMembersNotes = Dictionary(uniqueKeysWithValues: ["private", "public", "community"].map {
        ($0, "\($0) image: only shared images have members")
    })

    static func noMembersNote(_ visibility: String) -> String {
        noMembersNotes[visibility] ?? "\(visibility) image: only shared images have members"
    }

    /// `+` on an image, written once for every image (the row fills in `{key}` and `{row}`), so
    /// that 10,000 image rows share one copy.
    static let ownerActions: [Action: RowAction] = {
        let newMember = RecordRow(key: "{}", cells: ["{}", "pending", "", ""], ref: RowRef(Ref.member(imageID: "{key}", memberID: "{}")),
                                  subject: "{key}/{}", logName: LogName(objectID: "{key}", objectName: "{row}", memberID: "{}"))
        let add = RowOperation(request: RowRef(Request.add), inFlight: "adding…", description: "share {row} with {}",
                               newRow: newMember, from: "none", to: "pending", doneMessage: "shared {row} with {}")
        return [.share: .prompt(label: "share {row} with (project names or ids, comma-separated): ", add)]
    }()
    static let othersActions: [Action: RowAction] = [.share: .refused("only the image's owner can add members")]
    /// `+` on my image that is not shared: Glance would refuse members (403), so it offers to make
    /// the image shared first, with a confirmation (one copy per visibility, shared by its rows).
    static let unsharedActionsByVisibility = Dictionary(uniqueKeysWithValues: ["private", "public", "community"].map { ($0, makeSharedActions($0)) })

    static func unsharedActions(_ visibility: String) -> [Action: RowAction] {
        unsharedActionsByVisibility[visibility] ?? makeSharedActions(visibility)
    }

    static func makeSharedActions(_ visibility: String) -> [Action: RowAction] {
        let makeShared = RowOperation(request: RowRef(Request.makeShared), inFlight: "making shared…", description: "make {row} shared",
                                      from: visibility, to: "shared", doneMessage: "{row} is shared now: + adds its members")
        let warning = visibility == "public" || visibility == "community" ? " Projects that are not members will no longer see it." : ""
        return [.share: .confirm(title: "Make shared",
                                 message: "{row} is \(visibility): only shared images can have members. Make it shared?\(warning)",
                                 confirmLabel: "Make shared", makeShared)]
    }

    /// The image a row of the images pane or the inbox shows, read back from its cells.
    static func image(of row: RecordRow) -> Image? {
        let value = { (column: Int) in row.cell(column).isEmpty ? nil : row.cell(column) }
        switch row.ref.as(Ref.self) {
        case let .image(id)?:
            var image = Image(id: id, name: value(0), status: nil, visibility: value(2), owner: value(3))
            image.createdAt = value(5)
            return image
        case let .share(imageID)?:
            return Image(id: imageID, name: value(1), status: nil, visibility: nil, owner: value(2))
        case .member?, nil:
            return nil
        }
    }

    /// What the members pane needs of an image: Glance answers more (checksums, formats, tags),
    /// which neither the rows nor the adapter need keep.
    public static func slim(_ image: Image) -> Image {
        var slim = Image(id: image.id, name: image.name, status: nil, visibility: nil, owner: image.owner)
        slim.createdAt = image.createdAt
        return slim
    }

    // MARK: Members

    /// `consumer`: how the credentials that act as the member project are named (`cloud 'member'`),
    /// when the operator holds some: then the owner may set the member's status with them.
    public static func memberRow(_ member: ImageMember, image: Image, viewer: Viewer, consumer: String? = nil) -> RecordRow {
        let image = slim(image)
        let mine = member.memberID == viewer.projectID
        let name = label(image)
        var actions: [Action: RowAction] = [:]
        for status in MemberStatus.allCases {
            if mine || viewer.isAdmin {
                actions[action(for: status)] = statusAction(image: image, sharedAt: member.createdAt, memberID: member.memberID, from: member.status,
                                                            to: status, answer: .members, viewer: viewer)
            } else if let consumer {
                actions[action(for: status)] = consumerAction(image: image, member: member, to: status, consumer: consumer)
            } else {
                actions[action(for: status)] = .refused("only the member project itself can \(verb(status)) its share")
            }
        }
        if image.owner == viewer.projectID || viewer.isAdmin {
            actions[.remove] = removeAction(image: image, member: member, many: "Stop sharing \(name) with {n} projects: {names}?")
        } else {
            actions[.remove] = .refused("only the image's owner can remove members")
        }
        var row = RecordRow(key: member.memberID, cells: [member.memberID, member.status, member.createdAt ?? "", member.updatedAt ?? ""],
                            ref: RowRef(Ref.member(imageID: image.id, memberID: member.memberID)), actions: actions,
                            subject: subject(imageID: image.id, memberID: member.memberID, viewer: viewer), isMine: mine,
                            logName: LogName(objectID: image.id, objectName: name, memberID: member.memberID))
        row.sortKeys = [1: statusOrder(member.status)]
        return row
    }

    // MARK: Inbox

    public static func membershipRow(_ membership: Membership, viewer: Viewer) -> RecordRow {
        let image = slim(membership.image)
        let name = label(image)
        var actions: [Action: RowAction] = [:]
        for status in MemberStatus.allCases {
            actions[action(for: status)] = statusAction(image: image, sharedAt: membership.sharedAt, memberID: viewer.projectID,
                                                        from: membership.status, to: status, answer: .memberships, viewer: viewer)
        }
        var row = RecordRow(key: image.id, cells: [membership.status, image.name ?? "", image.owner ?? "", membership.sharedAt ?? image.createdAt ?? ""],
                            ref: RowRef(Ref.share(imageID: image.id)), label: name, actions: actions, opensDetail: true,
                            subject: subject(imageID: image.id, memberID: viewer.projectID, viewer: viewer),
                            logName: LogName(objectID: image.id, objectName: name, memberID: viewer.projectID))
        row.sortKeys = [0: statusOrder(membership.status) + (image.name ?? "").lowercased()]
        return row
    }

    /// Stop sharing `image` with the member, after a confirmation.
    static func removeAction(image: Image, member: ImageMember, many: String) -> RowAction {
        let name = label(image)
        let remove = RowOperation(request: RowRef(Request.remove(image: image, memberID: member.memberID)), inFlight: "removing…",
                                  description: "remove \(member.memberID) from \(name)", from: member.status, to: "removed",
                                  doneMessage: "removed \(member.memberID) from \(name)")
        return .confirm(title: "Remove", message: "Stop sharing \(name) with \(member.memberID)?", confirmLabel: "Remove", remove, many: many)
    }

    // MARK: Sweep

    /// A share a sweep would take back: its image, member, status and why; `d` removes it (marked
    /// rows together, from several images).
    public static func sweepRow(_ image: Image, _ member: ImageMember, reasons: [String], viewer: Viewer) -> RecordRow {
        let image = slim(image)
        let name = label(image)
        return RecordRow(key: image.id + "/" + member.memberID, cells: [image.name ?? "", member.memberID, member.status, reasons.joined(separator: ", ")],
                         ref: RowRef(Ref.member(imageID: image.id, memberID: member.memberID)), label: "\(name) \(member.memberID)",
                         actions: [.remove: removeAction(image: image, member: member, many: "Take back {n} shares: {names}?")],
                         subject: subject(imageID: image.id, memberID: member.memberID, viewer: viewer),
                         logName: LogName(objectID: image.id, objectName: name, memberID: member.memberID))
    }

    /// Another project's status, set with its credentials: always confirmed first, naming whose
    /// credentials act (memberdeck must never act as someone without saying so).
    static func consumerAction(image: Image, member: ImageMember, to status: MemberStatus, consumer: String) -> RowAction {
        let name = label(image)
        guard member.status != status.rawValue else { return .refused("\(name) \(member.memberID) is already \(status.rawValue)") }
        let change = "\(name) \(member.memberID): \(member.status) → \(status.rawValue)"
        let operation = RowOperation(request: RowRef(Request.setStatusAsConsumer(image: image, sharedAt: member.createdAt, memberID: member.memberID, to: status)),
                                     inFlight: "\(member.status) → \(status.rawValue)…", description: "\(change) as \(consumer)",
                                     from: member.status, to: status.rawValue, doneMessage: "\(change) (as \(consumer))")
        let word = verb(status).prefix(1).uppercased() + verb(status).dropFirst()
        return .confirm(title: "\(word) as the member", message: "\(word) \(name) for \(member.memberID) with the credentials of \(consumer)?",
                        confirmLabel: word, operation)
    }

    /// The change to `status`, or, when the share already has it, a refusal that says so (no request).
    static func statusAction(image: Image, sharedAt: String?, memberID: String, from: String, to status: MemberStatus,
                             answer: PaneID, viewer: Viewer) -> RowAction {
        guard from != status.rawValue else {
            let whose = memberID == viewer.projectID ? label(image) : "\(label(image)) \(memberID)"
            return .refused("\(whose) is already \(status.rawValue)")
        }
        return .perform(statusOperation(image: image, sharedAt: sharedAt, memberID: memberID, from: from, to: status, answer: answer, viewer: viewer))
    }

    /// `pending → accepted`: the change, its words, and which pane's row the answer is.
    static func statusOperation(image: Image, sharedAt: String?, memberID: String, from: String, to status: MemberStatus,
                                answer: PaneID, viewer: Viewer) -> RowOperation {
        let name = label(image)
        // My own share is named by its image; another project's row (an admin's view) by the member too.
        let subject = memberID == viewer.projectID ? name : "\(name) \(memberID)"
        return RowOperation(request: RowRef(Request.setStatus(image: image, sharedAt: sharedAt, memberID: memberID, to: status, answer: answer)),
                            inFlight: "\(from) → \(status.rawValue)…", description: "\(subject): \(from) → \(status.rawValue)",
                            from: from, to: status.rawValue, doneMessage: "\(subject): \(from) → \(status.rawValue)")
    }
}
