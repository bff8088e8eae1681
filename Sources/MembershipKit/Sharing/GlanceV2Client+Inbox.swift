/// The shares offered to one project: the inbox of the console's Memberships pane and of
/// `memberdeck inbox`.
extension GlanceV2Client {
    /// Shares offered to `projectID`: one listing per status (so each image's status is known
    /// without a request per image), then each share's creation date, read once per share.
    ///
    /// Glance ignores `member_status` for an admin (it lists every shared image of every project
    /// under each status). When it did (the viewer is an admin, or one image came back under two
    /// statuses), the listings only name candidates: each one's member record for the project says
    /// whether it is shared with it, and with which status.
    public func inbox(projectID: String, isAdmin: Bool, dates: ShareDateCache = ShareDateCache()) async throws -> [Membership] {
        let statuses = MemberStatus.allCases.map(\.rawValue)
        let listings = try await withThrowingTaskGroup(of: (String, [Image]).self) { group in
            for status in statuses {
                group.addTask { (status, try await listImages(ImageQuery(visibility: "shared", memberStatus: status, pageSize: 1000))) }
            }
            var byStatus: [String: [Image]] = [:]
            for try await (status, images) in group { byStatus[status] = images }
            return byStatus
        }
        var memberships: [Membership] = []
        var seen = Set<String>()
        var filterIgnored = isAdmin
        for status in statuses {
            for image in listings[status] ?? [] where image.owner != projectID {
                if seen.insert(image.id).inserted {
                    memberships.append(Membership(image: image, status: status))
                } else {
                    filterIgnored = true
                }
            }
        }
        if filterIgnored { return try await verified(memberships, projectID: projectID, dates: dates) }
        // Dates of shares not seen before; a failure leaves the date empty.
        var missing: [Int] = []
        for (index, membership) in memberships.enumerated() {
            if let cached = await dates.get(membership.image.id, status: membership.status) {
                memberships[index].sharedAt = cached
            } else {
                missing.append(index)
            }
        }
        let imageIDs = memberships.map(\.image.id)
        let fetched = await ConcurrentWork.map(missing) { index in
            try? await member(imageID: imageIDs[index], memberID: projectID).createdAt
        }
        for (index, createdAt) in zip(missing, fetched) {
            memberships[index].sharedAt = createdAt
            await dates.set(memberships[index].image.id, status: memberships[index].status, createdAt: createdAt)
        }
        return memberships
    }

    /// The candidates that the project's member record confirms, with that record's status and
    /// date. No record (404) means the image is not shared with it; any other failure fails the
    /// read, rather than show a share that may not exist.
    private func verified(_ candidates: [Membership], projectID: String, dates: ShareDateCache) async throws -> [Membership] {
        let answers = await ConcurrentWork.map(candidates) { candidate -> Result<ImageMember?, Error> in
            do {
                return .success(try await member(imageID: candidate.image.id, memberID: projectID))
            } catch let error as MembershipError where error.httpStatus == 404 {
                return .success(nil)
            } catch {
                return .failure(error)
            }
        }
        var memberships: [Membership] = []
        for (candidate, answer) in zip(candidates, answers) {
            guard let member = try answer.get() else { continue }
            memberships.append(Membership(image: candidate.image, status: member.status, sharedAt: member.createdAt))
            await dates.set(member.imageID, status: member.status, createdAt: member.createdAt)
        }
        return memberships
    }
}
