/// One look at a cloud for `memberdeck watch`: the members of the images my project owns and the
/// shares offered to it, as a snapshot to compare with the previous one.
extension GlanceV2Client {
    /// - Parameters:
    ///   - images: the images to watch (resolved once, up front); nil watches every shared image my
    ///     project owns (every shared image, for an admin) and the whole inbox. Of the images given,
    ///     those my project owns (all, for an admin) are watched for their members, the others in the inbox.
    ///   - dates: kept from one look to the next, so the inbox does not read each share's date again.
    /// - Throws: whatever stops the read being whole, including a listing that stopped at a paging
    ///   limit: a snapshot missing shares would read as their removal.
    public func watchSnapshot(images: [Image]?, dates: ShareDateCache) async throws -> MemberWatchSnapshot {
        // No truncation handler: a listing cut short throws instead of returning part of the shares.
        let strict = GlanceV2Client(session: session, paging: PagingPolicy(limits: paging.limits))
        let (project, isAdmin) = try await session.projectScope(for: "a watch reads your project's shares")
        let owned: [Image]
        var offeredIDs: Set<String>?
        if let images {
            owned = images.filter { isAdmin || $0.owner == project.id }
            offeredIDs = Set(images.filter { !(isAdmin || $0.owner == project.id) }.map(\.id))
        } else {
            owned = try await strict.managedImages(projectID: project.id, isAdmin: isAdmin)
        }
        let shares = try await strict.shares(of: owned)
        var offered: [Membership] = []
        // Only the images given are watched: an inbox none of them is in is not read at all.
        if offeredIDs.map({ !$0.isEmpty }) ?? true {
            offered = try await strict.inbox(projectID: project.id, isAdmin: isAdmin, dates: dates)
            if let offeredIDs { offered = offered.filter { offeredIDs.contains($0.image.id) } }
        }
        return MemberWatchSnapshot(owned: shares, offered: offered, projectID: project.id)
    }
}
