import Console
import Foundation
import MembershipKit

/// The reads behind the images and memberships panes.
struct ImageLoader: Sendable {
    let glance: GlanceV2Client

    /// `mine`: images my project owns, then images shared with it (any status), without duplicates.
    /// `all`: everything the project can see. Progress is reported page by page.
    func images(scope: ImageScope, projectID: String, progress: @escaping @Sendable (Int) -> Void) async throws -> [Image] {
        switch scope {
        case .all:
            // visibility=all: without it Glance lists community images to their owner only.
            return try await glance.listImages(ImageQuery(visibility: "all", memberStatus: "all", pageSize: 1000)) { progress($0) }
        case .mine:
            // Both listings at once; progress counts what has arrived of either.
            let counts = ProgressCounter()
            async let ownedImages = glance.listImages(ImageQuery(visibility: "all", owner: projectID, pageSize: 1000)) {
                progress(counts.set(owned: $0))
            }
            async let sharedImages = glance.listImages(ImageQuery(visibility: "shared", memberStatus: "all", pageSize: 1000)) {
                progress(counts.set(shared: $0))
            }
            let owned = try await ownedImages
            let shared = try await sharedImages
            let ownedIDs = Set(owned.map(\.id))
            return owned + shared.filter { !ownedIDs.contains($0.id) }
        }
    }

    /// Shares offered to my project: one listing per status (so each image's status is known
    /// without a request per image), then the share's creation date, read once per share.
    ///
    /// Glance ignores `member_status` for an admin (it lists every shared image of every project
    /// under each status). When it did (the viewer is an admin, or one image came back under two
    /// statuses), the listings only name candidates: each one's member record for my project says
    /// whether it is shared with me, and with which status.
    func memberships(projectID: String, isAdmin: Bool, cache: ShareDateCache) async throws -> [Membership] {
        let statuses = ["pending", "accepted", "rejected"]
        let glance = self.glance
        var byStatus: [String: [Image]] = [:]
        try await withThrowingTaskGroup(of: (String, [Image]).self) { group in
            for status in statuses {
                group.addTask {
                    (status, try await glance.listImages(ImageQuery(visibility: "shared", memberStatus: status, pageSize: 1000)))
                }
            }
            for try await (status, images) in group { byStatus[status] = images }
        }
        var memberships: [Membership] = []
        var seen = Set<String>()
        var filterIgnored = isAdmin
        for status in statuses {
            for image in byStatus[status] ?? [] where image.owner != projectID {
                if seen.insert(image.id).inserted {
                    memberships.append(Membership(image: image, status: status))
                } else {
                    filterIgnored = true
                }
            }
        }
        if filterIgnored { return try await verified(memberships, projectID: projectID, cache: cache) }
        // Dates of shares not seen before, a few requests at a time; a failure leaves the date empty.
        var missing: [Int] = []
        for (index, membership) in memberships.enumerated() {
            if let cached = await cache.get(membership.image.id, status: membership.status) {
                memberships[index].sharedAt = cached
            } else {
                missing.append(index)
            }
        }
        let imageIDs = memberships.map(\.image.id)
        let fetched = await Self.concurrently(missing) { index in
            try? await glance.member(imageID: imageIDs[index], memberID: projectID).createdAt
        }
        for (index, createdAt) in fetched {
            memberships[index].sharedAt = createdAt
            await cache.set(memberships[index].image.id, status: memberships[index].status, createdAt: createdAt)
        }
        return memberships
    }

    /// The candidates that my project's member record confirms, with that record's status and
    /// date. No record (404) means the image is not shared with me; any other failure fails the
    /// load, rather than show a share that may not exist.
    private func verified(_ candidates: [Membership], projectID: String, cache: ShareDateCache) async throws -> [Membership] {
        let glance = self.glance
        let answers = await Self.concurrently(Array(candidates.indices)) { index -> Result<ImageMember?, Error> in
            do {
                return .success(try await glance.member(imageID: candidates[index].image.id, memberID: projectID))
            } catch let error as MembershipError where error.httpStatus == 404 {
                return .success(nil)
            } catch {
                return .failure(error)
            }
        }
        var memberships: [Membership] = []
        for (index, answer) in answers.sorted(by: { $0.0 < $1.0 }) {
            guard let member = try answer.get() else { continue }
            memberships.append(Membership(image: candidates[index].image, status: member.status, sharedAt: member.createdAt))
            await cache.set(member.imageID, status: member.status, createdAt: member.createdAt)
        }
        return memberships
    }

    /// `body` for each item, at most 8 at a time (the connections of one host), in no particular order.
    static func concurrently<Item: Sendable, Answer: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item) async -> Answer) async -> [(Item, Answer)] {
        await withTaskGroup(of: (Item, Answer).self) { group in
            var results: [(Item, Answer)] = []
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let item = items[next]
                next += 1
                group.addTask { (item, await body(item)) }
            }
            for _ in 0..<8 { launch() }
            for await result in group {
                results.append(result)
                launch()
            }
            return results
        }
    }
}

/// Images received so far by two listings running at once.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var owned = 0
    private var shared = 0

    func set(owned value: Int) -> Int { update { $0.owned = value } }
    func set(shared value: Int) -> Int { update { $0.shared = value } }

    private func update(_ change: (ProgressCounter) -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        change(self)
        return owned + shared
    }
}
