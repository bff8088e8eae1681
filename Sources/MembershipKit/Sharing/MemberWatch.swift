/// Which way a share points, seen from the watching project: one of its own images shared with
/// another project, or another project's image offered to it (its inbox).
public enum MemberWatchSide: String, Sendable, Equatable, Hashable, CaseIterable {
    /// My image; the member is another project.
    case owner
    /// An image offered to my project; the member is my project.
    case consumer
}

/// One membership as a watch saw it: an image, a member project and its status.
public struct MemberWatchShare: Sendable, Equatable {
    public var side: MemberWatchSide
    public var imageID: String
    public var imageName: String?
    public var memberID: String
    public var status: String

    public init(side: MemberWatchSide, imageID: String, imageName: String?, memberID: String, status: String) {
        self.side = side
        self.imageID = imageID
        self.imageName = imageName
        self.memberID = memberID
        self.status = status
    }

    /// One share per side, image and member: the same pair seen from both sides (an admin's own
    /// project is a member of some image) is two shares.
    public struct Key: Sendable, Hashable {
        public var side: MemberWatchSide
        public var imageID: String
        public var memberID: String
    }

    public var key: Key { Key(side: side, imageID: imageID, memberID: memberID) }
}

/// Everything one complete read of a cloud saw. Only a read that finished is a snapshot: a failed
/// or cut-short read never becomes one, so a share missing from it really is gone.
public struct MemberWatchSnapshot: Sendable, Equatable {
    public private(set) var shares: [MemberWatchShare.Key: MemberWatchShare] = [:]

    public init(_ shares: [MemberWatchShare] = []) {
        for share in shares { self.shares[share.key] = share }
    }

    /// The members of my images (`owned`; my own project's rows are the inbox's, so they are left
    /// out here) and the shares offered to my project.
    public init(owned: [GlanceV2Client.ImageShares], offered: [Membership], projectID: String) {
        var shares: [MemberWatchShare] = []
        for entry in owned {
            for member in entry.members where member.memberID != projectID {
                shares.append(MemberWatchShare(side: .owner, imageID: entry.image.id, imageName: entry.image.name, memberID: member.memberID, status: member.status))
            }
        }
        for membership in offered {
            shares.append(MemberWatchShare(side: .consumer, imageID: membership.image.id, imageName: membership.image.name, memberID: projectID,
                                           status: membership.status))
        }
        self.init(shares)
    }
}

/// One difference between two snapshots.
public struct MemberWatchChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// My image got a member (from nowhere to its status, normally pending).
        case added
        /// A member's status changed, on either side.
        case status
        /// My image lost a member.
        case removed
        /// A share was offered to my project.
        case offered
        /// A share offered to my project was taken back (or the image went).
        case withdrawn
    }

    public var kind: Kind
    public var side: MemberWatchSide
    public var imageID: String
    public var imageName: String?
    public var memberID: String
    /// nil for a share that did not exist before.
    public var from: String?
    /// nil for a share that no longer exists.
    public var to: String?

    public init(kind: Kind, side: MemberWatchSide, imageID: String, imageName: String?, memberID: String, from: String?, to: String?) {
        self.kind = kind
        self.side = side
        self.imageID = imageID
        self.imageName = imageName
        self.memberID = memberID
        self.from = from
        self.to = to
    }
}

/// Snapshot → changes: pure, so every rule of what counts as a change is unit-tested.
public enum MemberWatch {
    /// What changed from `old` to `new`, in a stable order (image name, image id, member, side).
    /// A renamed image with the same statuses is no change; a share that is gone is named as it was.
    public static func changes(from old: MemberWatchSnapshot, to new: MemberWatchSnapshot) -> [MemberWatchChange] {
        var changes: [MemberWatchChange] = []
        for (key, now) in new.shares {
            guard let before = old.shares[key] else {
                changes.append(change(now, kind: key.side == .owner ? .added : .offered, from: nil, to: now.status))
                continue
            }
            if before.status != now.status { changes.append(change(now, kind: .status, from: before.status, to: now.status)) }
        }
        for (key, before) in old.shares where new.shares[key] == nil {
            changes.append(change(before, kind: key.side == .owner ? .removed : .withdrawn, from: before.status, to: nil))
        }
        return changes.sorted { lhs, rhs in
            let left = (lhs.imageName ?? "", lhs.imageID, lhs.memberID, lhs.side.rawValue)
            let right = (rhs.imageName ?? "", rhs.imageID, rhs.memberID, rhs.side.rawValue)
            return left < right
        }
    }

    private static func change(_ share: MemberWatchShare, kind: MemberWatchChange.Kind, from: String?, to: String?) -> MemberWatchChange {
        MemberWatchChange(kind: kind, side: share.side, imageID: share.imageID, imageName: share.imageName, memberID: share.memberID, from: from, to: to)
    }
}
