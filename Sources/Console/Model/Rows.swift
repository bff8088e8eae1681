import Foundation
import MembershipKit

/// A status change that was sent and has not been answered yet (`pending → accepted…`).
public struct Transition: Sendable, Equatable {
    public var from: String
    public var to: MemberStatus
    public var operationID: Int
}

/// A short highlight after a row changed: by our action (settled), elsewhere (external) or a failure.
public struct Highlight: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case settled, external, failed }
    public var kind: Kind
    /// Time (from ticks) until which the highlight shows.
    public var until: Date
}

/// A row in any pane: a stable key (for marks and selection), text for filtering, and sort keys.
public protocol PaneRow: Sendable, Equatable {
    var key: String { get }
    /// The texts `/` searches (case-insensitive substring): name, id, status.
    var searchableText: [String] { get }
    /// The value compared when sorting by `column` (an index into the pane's columns).
    func sortValue(column: Int) -> String
}

/// An image in the images pane.
public struct ImageRow: PaneRow {
    public var image: Image
    /// My project's member status, for an image shared with me.
    public var myStatus: String?
    /// True when my project owns the image.
    public var isOwn: Bool

    public init(image: Image, myStatus: String? = nil, isOwn: Bool) {
        self.image = image
        self.myStatus = myStatus
        self.isOwn = isOwn
    }

    public var key: String { image.id }
    public var searchableText: [String] { [image.name ?? "", image.id, image.visibility ?? "", myStatus ?? "", image.owner ?? ""] }

    /// Columns: name, id, visibility, owner, my status, created.
    public static let columns = ["Name", "ID", "Visibility", "Owner", "Share", "Created"]
    public func sortValue(column: Int) -> String {
        switch column {
        case 0: return (image.name ?? "").lowercased()
        case 1: return image.id
        case 2: return image.visibility ?? ""
        case 3: return image.owner ?? ""
        case 4: return myStatus ?? ""
        default: return image.createdAt ?? ""
        }
    }
}

/// A member of the selected image, in the members pane.
public struct MemberRow: PaneRow {
    public var member: ImageMember
    /// A status change in flight, or (with `from` empty) the share being created.
    public var transition: Transition?
    /// True while the removal of this member is in flight.
    public var isRemoving: Bool = false
    public var highlight: Highlight?
    /// Logical time (`ConsoleState.sequence`) of the last change this console made, so that a
    /// refresh requested before it cannot undo it.
    public var changedAt: Int

    public init(member: ImageMember, transition: Transition? = nil, highlight: Highlight? = nil, changedAt: Int = 0) {
        self.member = member
        self.transition = transition
        self.highlight = highlight
        self.changedAt = changedAt
    }

    public var key: String { member.memberID }
    public var searchableText: [String] { [member.memberID, member.status] }

    public static let columns = ["Member", "Status", "Created", "Updated"]
    public func sortValue(column: Int) -> String {
        switch column {
        case 0: return member.memberID
        case 1: return MembershipRow.statusOrder(member.status)
        case 2: return member.createdAt ?? ""
        default: return member.updatedAt ?? ""
        }
    }
}

/// A share offered to my project, in the memberships pane (the inbox).
public struct MembershipRow: PaneRow {
    public var image: Image
    /// My project's member status for this image.
    public var status: String
    /// When the share was created (from the member row), when known.
    public var sharedAt: String?
    public var transition: Transition?
    public var highlight: Highlight?
    public var changedAt: Int

    public init(image: Image, status: String, sharedAt: String? = nil, transition: Transition? = nil, highlight: Highlight? = nil, changedAt: Int = 0) {
        self.image = image
        self.status = status
        self.sharedAt = sharedAt
        self.transition = transition
        self.highlight = highlight
        self.changedAt = changedAt
    }

    public var key: String { image.id }
    public var searchableText: [String] { [image.name ?? "", image.id, status, image.owner ?? ""] }

    public static let columns = ["Status", "Image", "Owner", "Age"]
    public func sortValue(column: Int) -> String {
        switch column {
        case 0: return Self.statusOrder(status) + (image.name ?? "").lowercased()
        case 1: return (image.name ?? "").lowercased()
        case 2: return image.owner ?? ""
        default: return sharedAt ?? image.createdAt ?? ""
        }
    }

    /// Pending first, then accepted, then rejected.
    static func statusOrder(_ status: String) -> String {
        switch status {
        case "pending": return "0"
        case "accepted": return "1"
        case "rejected": return "2"
        default: return "3" + status
        }
    }
}
