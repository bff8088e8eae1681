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
    func memberships(projectID: String, cache: ShareDateCache) async throws -> [Membership] {
        let statuses = ["pending", "accepted", "rejected"]
        let glance = self.glance
        var memberships: [Membership] = []
        try await withThrowingTaskGroup(of: (String, [Image]).self) { group in
            for status in statuses {
                group.addTask {
                    (status, try await glance.listImages(ImageQuery(visibility: "shared", memberStatus: status, pageSize: 1000)))
                }
            }
            var byStatus: [String: [Image]] = [:]
            for try await (status, images) in group { byStatus[status] = images }
            for status in statuses {
                for image in byStatus[status] ?? [] where image.owner != projectID {
                    memberships.append(Membership(image: image, status: status))
                }
            }
        }
        // Dates of shares not seen before, a few requests at a time; a failure leaves the date empty.
        var missing: [Int] = []
        for (index, membership) in memberships.enumerated() {
            if let cached = await cache.get(membership.image.id, status: membership.status) {
                memberships[index].sharedAt = cached
            } else {
                missing.append(index)
            }
        }
        let fetched = await withTaskGroup(of: (Int, String?).self) { group -> [(Int, String?)] in
            var results: [(Int, String?)] = []
            var next = 0
            func launch() {
                guard next < missing.count else { return }
                let index = missing[next]
                let imageID = memberships[index].image.id
                next += 1
                group.addTask { (index, try? await glance.member(imageID: imageID, memberID: projectID).createdAt) }
            }
            for _ in 0..<8 { launch() }
            for await result in group {
                results.append(result)
                launch()
            }
            return results
        }
        for (index, createdAt) in fetched {
            memberships[index].sharedAt = createdAt
            await cache.set(memberships[index].image.id, status: memberships[index].status, createdAt: createdAt)
        }
        return memberships
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
