import Console
@testable import ConsoleRuntime
import MembershipKit

/// What Glance v2 answers, as the tests script it: images, members and memberships as the SDK
/// returns them. `event(in:)` turns an answer into the event the runner posts, with the rows the
/// Glance v2 adapter builds for the session's project, so the tests drive the console exactly as
/// the running program does.
public enum GlanceScript: Sendable {
    case imagesLoaded(request: Int, Result<[Image], MembershipError>)
    case imagesProgress(request: Int, count: Int)
    /// A page of the images listing, before its end.
    case imagesArrived(request: Int, [Image])
    case membersLoaded(request: Int, imageID: String, Result<[ImageMember], MembershipError>)
    case membershipsLoaded(request: Int, Result<[Membership], MembershipError>)
    case memberUpdated(operation: Int, Result<ImageMember, MembershipError>)
    case memberAdded(operation: Int, Result<ImageMember, MembershipError>)
    case memberRemoved(operation: Int, Result<Void, MembershipError>)

    /// The event the runner would post for this answer, given the console's state.
    public func event(in state: ConsoleState) -> Event {
        let viewer = GlanceV2Rows.Viewer(projectID: state.session?.projectID ?? "", isAdmin: state.session?.isAdmin ?? false)
        switch self {
        case let .imagesLoaded(request, result):
            return .rowsLoaded(request: request, result.map { $0.map { GlanceV2Rows.imageRow($0, viewer: viewer) } }.mapError(Failure.init))
        case let .imagesProgress(request, count):
            return .rowsProgress(request: request, count: count)
        case let .imagesArrived(request, images):
            return .rowsArrived(request: request, images.map { GlanceV2Rows.imageRow($0, viewer: viewer) })
        case let .membersLoaded(request, imageID, result):
            let image = Self.image(imageID, in: state)
            return .rowsLoaded(request: request, result.map { $0.map { GlanceV2Rows.memberRow($0, image: image, viewer: viewer) } }.mapError(Failure.init))
        case let .membershipsLoaded(request, result):
            return .rowsLoaded(request: request, result.map { $0.map { GlanceV2Rows.membershipRow($0, viewer: viewer) } }.mapError(Failure.init))
        case let .memberUpdated(operation, result), let .memberAdded(operation, result):
            let request = state.operations[operation]?.change.operation.request.as(GlanceV2Rows.Request.self)
            return .operationDone(operation: operation, result.map { member in
                switch request {
                case let .setStatus(image, sharedAt, _, _, answer)? where answer == .memberships:
                    return .row(GlanceV2Rows.membershipRow(Membership(image: image, status: member.status, sharedAt: sharedAt), viewer: viewer))
                case let .setStatus(image, _, _, _, _)?, let .remove(image, _)?:
                    return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer))
                case let .setStatusAsConsumer(image, _, _, _)?:
                    return .row(GlanceV2Rows.memberRow(member, image: image, viewer: viewer, consumer: "cloud 'consumer'"))
                case .add?, .makeShared?, nil:
                    return .row(GlanceV2Rows.memberRow(member, image: Self.image(member.imageID, in: state), viewer: viewer))
                }
            }.mapError(Failure.init))
        case let .memberRemoved(operation, result):
            return .operationDone(operation: operation, result.map { .removed }.mapError(Failure.init))
        }
    }

    /// The image an id names among the rows on screen (an id alone when none shows it).
    static func image(_ imageID: String, in state: ConsoleState) -> Image {
        for row in (state.records.detailParent.map { [$0] } ?? []) + state.records.primary.rows + state.records.overview.rows where row.key == imageID {
            return row.image
        }
        return Image(id: imageID, name: nil, status: nil, visibility: nil, owner: nil)
    }
}

/// A status change shown in flight (`pending → accepted…`), read back from a row.
public struct Transition: Sendable, Equatable {
    public var from: String
    public var to: MemberStatus
    public var operationID: Int

    public init(from: String, to: MemberStatus, operationID: Int) {
        self.from = from
        self.to = to
        self.operationID = operationID
    }
}

/// One member status change the console asked for.
public struct MemberUpdate: Equatable, Sendable {
    public var operation: Int
    public var imageID: String
    public var memberID: String
    public var status: MemberStatus

    public init(operation: Int, imageID: String, memberID: String, status: MemberStatus) {
        self.operation = operation
        self.imageID = imageID
        self.memberID = memberID
        self.status = status
    }
}

extension ConsoleState {
    /// The panes under Glance v2's names.
    public var images: PaneState<RecordRow> {
        get { records.primary }
        set { records.primary = newValue }
    }
    public var members: PaneState<RecordRow> {
        get { records.detail }
        set { records.detail = newValue }
    }
    public var memberships: PaneState<RecordRow> {
        get { records.overview }
        set { records.overview = newValue }
    }
    /// The image whose members the members pane shows.
    public var membersImageID: String? { records.detailParent?.key }
}

extension RecordRow {
    /// The image of an images row (name, id, visibility, owner, share, created) or an inbox row
    /// (status, name, owner, date), as the row shows it.
    public var image: Image {
        let empty = { (text: String) in text.isEmpty ? nil : text }
        if cells.count == 6 {
            var image = Image(id: key, name: empty(cell(0)), status: nil, visibility: empty(cell(2)), owner: empty(cell(3)))
            image.createdAt = empty(cell(5))
            return image
        }
        return Image(id: key, name: empty(cell(1)), status: nil, visibility: nil, owner: empty(cell(2)))
    }

    /// The member of a members row, as the row shows it.
    public var member: ImageMember {
        var imageID = ""
        if case let .member(id, _)? = ref.as(GlanceV2Rows.Ref.self) { imageID = id }
        return ImageMember(imageID: imageID, memberID: cell(0), status: cell(1), createdAt: cell(2).isEmpty ? nil : cell(2),
                           updatedAt: cell(3).isEmpty ? nil : cell(3))
    }

    /// An inbox row's status.
    public var status: String { cell(0) }

    /// An images row's Share column (my status), or the change in flight on it; nil when empty.
    public var myStatus: String? {
        if let inFlight { return inFlight }
        return cell(4).isEmpty ? nil : cell(4)
    }

    public var isOwn: Bool { isMine }

    public var isRemoving: Bool { inFlight == "removing…" }

    /// A status change (or an addition, from empty) in flight on the row.
    public var transition: Transition? {
        guard let inFlight, let operationID else { return nil }
        if inFlight == "adding…" { return Transition(from: "", to: .pending, operationID: operationID) }
        guard inFlight.hasSuffix("…"), let arrow = inFlight.range(of: " → ") else { return nil }
        let target = String(inFlight[arrow.upperBound...].dropLast())
        guard let status = MemberStatus(rawValue: target) else { return nil }
        return Transition(from: String(inFlight[..<arrow.lowerBound]), to: status, operationID: operationID)
    }
}

extension Array where Element == Effect {
    private func loads(of wanted: PaneID) -> [(request: Int, parent: RecordRow?)] {
        compactMap { if case let .loadRows(request, _, pane, parent, _) = $0, pane == wanted { return (request, parent) } else { return nil } }
    }

    public var imagesRequests: [Int] { loads(of: .images).map(\.request) }
    public var membershipsRequests: [Int] { loads(of: .memberships).map(\.request) }
    public var membersRequests: [(request: Int, imageID: String)] {
        loads(of: .members).map { load in
            switch load.parent?.ref.as(GlanceV2Rows.Ref.self) {
            case let .image(id)?, let .share(id)?: return (load.request, id)
            default: return (load.request, "")
            }
        }
    }

    private var requests: [(operation: Int, request: GlanceV2Rows.Request, argument: String?)] {
        compactMap {
            guard case let .perform(operation, _, change) = $0, let request = change.request.as(GlanceV2Rows.Request.self) else { return nil }
            return (operation, request, change.argument)
        }
    }

    public var updates: [MemberUpdate] {
        requests.compactMap { item in
            switch item.request {
            case let .setStatus(image, _, memberID, status, _), let .setStatusAsConsumer(image, _, memberID, status):
                return MemberUpdate(operation: item.operation, imageID: image.id, memberID: memberID, status: status)
            default:
                return nil
            }
        }
    }
    public var additions: [(operation: Int, imageID: String, memberID: String)] {
        compactMap {
            guard case let .perform(operation, _, change) = $0, case let .add(imageID, memberID)? = GlanceOperation(change) else { return nil }
            return (operation, imageID, memberID)
        }
    }
    public var removals: [(operation: Int, imageID: String, memberID: String)] {
        requests.compactMap { item in
            guard case let .remove(image, memberID) = item.request else { return nil }
            return (item.operation, image.id, memberID)
        }
    }
    public var recorded: [ActivityEntry] {
        compactMap { if case let .recordActivity(entry) = $0 { return entry } else { return nil } }
    }
    public var loadCount: Int { imagesRequests.count + membershipsRequests.count + membersRequests.count }
}

/// A Glance v2 operation the console sent, as the tests name it.
public enum GlanceOperation: Sendable, Equatable {
    case update(imageID: String, memberID: String, from: String, to: MemberStatus)
    case add(imageID: String, memberID: String)
    case remove(imageID: String, memberID: String)
    case makeShared(imageID: String)

    init?(_ operation: RowOperation) {
        switch operation.request.as(GlanceV2Rows.Request.self) {
        case let .setStatus(image, _, memberID, status, _)?, let .setStatusAsConsumer(image, _, memberID, status)?:
            self = .update(imageID: image.id, memberID: memberID, from: operation.from ?? "", to: status)
        case .add?:
            var imageID = ""
            imageID = operation.target?.key ?? ""
            self = .add(imageID: imageID, memberID: operation.argument ?? "")
        case let .remove(image, memberID)?: self = .remove(imageID: image.id, memberID: memberID)
        case .makeShared?: self = .makeShared(imageID: operation.target?.key ?? "")
        case nil: return nil
        }
    }
}

extension PendingOperation {
    /// What was sent, as a Glance v2 operation.
    public var kind: GlanceOperation? { GlanceOperation(change.operation) }
}

/// One member to remove from one image.
public struct MemberRemoval: Sendable, Hashable {
    public var imageID: String
    public var memberID: String

    public init(imageID: String, memberID: String) {
        self.imageID = imageID
        self.memberID = memberID
    }
}

extension Confirmation {
    /// The members a removal dialog removes on a yes.
    public var removals: [MemberRemoval] {
        changes.compactMap {
            guard case let .remove(imageID, memberID)? = GlanceOperation($0.operation) else { return nil }
            return MemberRemoval(imageID: imageID, memberID: memberID)
        }
    }
}
