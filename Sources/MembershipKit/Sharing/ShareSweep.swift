import Foundation

/// Which shares a sweep takes back: rejected ones, ones pending for too long, and (admin) ones
/// whose project no longer exists in Keystone. Members pile up on images otherwise, and each
/// counts against Glance's member quota.
public struct ShareSweep: Sendable {
    public var rejected: Bool
    /// Seconds a share may stay pending (since it was last set pending).
    public var pendingOlderThan: Double?
    /// Member project ids Keystone answered do not exist.
    public var orphans: Set<String>

    public init(rejected: Bool = false, pendingOlderThan: Double? = nil, orphans: Set<String> = []) {
        self.rejected = rejected
        self.pendingOlderThan = pendingOlderThan
        self.orphans = orphans
    }

    /// One share to take back, and why (`rejected`, `pending 40d`, `project gone`).
    public struct Candidate: Sendable {
        public var image: Image
        public var member: ImageMember
        public var reasons: [String]
    }

    public func candidates(_ shares: [GlanceV2Client.ImageShares], now: Date = Date()) -> [Candidate] {
        var found: [Candidate] = []
        for share in shares {
            for member in share.members {
                var reasons: [String] = []
                if rejected, member.status == MemberStatus.rejected.rawValue { reasons.append("rejected") }
                if let limit = pendingOlderThan, member.status == MemberStatus.pending.rawValue,
                   let since = (member.updatedAt ?? member.createdAt).flatMap(Timestamp.parse), now.timeIntervalSince(since) > limit {
                    reasons.append("pending \(Timestamp.age(seconds: now.timeIntervalSince(since)))")
                }
                if orphans.contains(member.memberID) { reasons.append("project gone") }
                if !reasons.isEmpty { found.append(Candidate(image: share.image, member: member, reasons: reasons)) }
            }
        }
        return found
    }

    /// The member ids of `shares` that Keystone says do not exist (an admin's token asks; any other
    /// answer than 404 keeps the member).
    public static func missingProjects(in shares: [GlanceV2Client.ImageShares], keystone: KeystoneProjectReader) async throws -> Set<String> {
        let ids = Array(Set(shares.flatMap { $0.members.map(\.memberID) })).sorted()
        let answers = await ConcurrentWork.map(ids) { id -> Result<Bool?, MembershipError> in
            do { return .success(try await keystone.exists(id: id)) } catch { return .failure(MembershipError.wrapping(error)) }
        }
        var missing = Set<String>()
        for (id, answer) in zip(ids, answers) where try answer.get() == false { missing.insert(id) }
        return missing
    }
}
