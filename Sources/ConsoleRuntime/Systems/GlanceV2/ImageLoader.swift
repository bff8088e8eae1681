import Console
import Foundation
import MembershipKit

/// The reads behind the images and memberships panes.
struct ImageLoader: Sendable {
    let glance: GlanceV2Client

    /// `mine`: images my project owns, then images shared with it (any status), without duplicates.
    /// `all`: everything the project can see. Progress is reported page by page. Each image becomes
    /// an `Item` (a row) as its page arrives (`GlanceV2Client.listImages(_:progress:each:)`), decoded
    /// with only the fields a row shows.
    /// `page`, when given, receives each page's items as it arrives (the two listings of `mine` in
    /// any order, an image of both in each: the receiver keeps one), and the result holds none of them.
    func images<Item: Sendable>(scope: ImageScope, projectID: String, progress: @escaping @Sendable (Int) -> Void,
                                page: (@Sendable ([Item]) -> Void)? = nil,
                                each transform: @escaping @Sendable (Image) -> Item, id: (Item) -> String) async throws -> [Item] {
        switch scope {
        case .all:
            // visibility=all: without it Glance lists community images to their owner only.
            return try await glance.listImages(ImageQuery(visibility: "all", memberStatus: "all", pageSize: 1000), progress: { progress($0) },
                                               page: page, listingFieldsOnly: true, each: transform)
        case .mine:
            // Both listings at once; progress counts what has arrived of either.
            let counts = ProgressCounter()
            async let ownedImages = glance.listImages(ImageQuery(visibility: "all", owner: projectID, pageSize: 1000),
                                                      progress: { progress(counts.set(owned: $0)) }, page: page, listingFieldsOnly: true, each: transform)
            async let sharedImages = glance.listImages(ImageQuery(visibility: "shared", memberStatus: "all", pageSize: 1000),
                                                       progress: { progress(counts.set(shared: $0)) }, page: page, listingFieldsOnly: true, each: transform)
            let owned = try await ownedImages
            let shared = try await sharedImages
            let ownedIDs = Set(owned.map(id))
            return owned + shared.filter { !ownedIDs.contains(id($0)) }
        }
    }

    /// The images themselves (as `images(scope:projectID:progress:each:id:)` lists them: the fields
    /// a listing shows, the rest nil).
    func images(scope: ImageScope, projectID: String, progress: @escaping @Sendable (Int) -> Void) async throws -> [Image] {
        try await images(scope: scope, projectID: projectID, progress: progress, each: { $0 }, id: \.id)
    }

    /// Shares offered to my project (see `GlanceV2Client.inbox`).
    func memberships(projectID: String, isAdmin: Bool, cache: ShareDateCache) async throws -> [Membership] {
        try await glance.inbox(projectID: projectID, isAdmin: isAdmin, dates: cache)
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
