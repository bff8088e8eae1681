/// The shares a caller manages: the members of the images its project owns (of every shared
/// image, for an admin). What `members shared-with` and `members sweep` read.
extension GlanceV2Client {
    /// One image and its members, as read.
    public struct ImageShares: Sendable {
        public var image: Image
        public var members: [ImageMember]
    }

    /// The shared images whose members the caller manages: its project's, or (admin) every one.
    /// Only `shared` images can have members, so no other visibility is read.
    public func managedImages(projectID: String, isAdmin: Bool) async throws -> [Image] {
        try await listImages(ImageQuery(visibility: "shared", memberStatus: isAdmin ? "all" : nil, owner: isAdmin ? nil : projectID, pageSize: 1000))
            .filter { $0.visibility == "shared" && (isAdmin || $0.owner == projectID) }
    }

    /// Every member of each image, 8 images at a time. An image deleted meanwhile (404) has none;
    /// any other failure fails the read, rather than leave a share out unseen.
    public func shares(of images: [Image]) async throws -> [ImageShares] {
        let answers = await ConcurrentWork.map(images) { image -> Result<ImageShares, MembershipError> in
            do {
                return .success(ImageShares(image: image, members: try await members(imageID: image.id)))
            } catch let error as MembershipError where error.httpStatus == 404 {
                return .success(ImageShares(image: image, members: []))
            } catch {
                return .failure(MembershipError.wrapping(error))
            }
        }
        return try answers.map { try $0.get() }
    }

    /// The images among `images` that have `memberID` as a member, with its member record (one
    /// request per image, 8 at a time; a 404 means not a member).
    public func images(_ images: [Image], sharedWith memberID: String) async throws -> [(image: Image, member: ImageMember)] {
        _ = try QueryEncoding.pathSegment(memberID, what: "a member id")
        let answers = await ConcurrentWork.map(images) { image -> Result<ImageMember?, MembershipError> in
            do {
                return .success(try await member(imageID: image.id, memberID: memberID))
            } catch let error as MembershipError where error.httpStatus == 404 {
                return .success(nil)
            } catch {
                return .failure(MembershipError.wrapping(error))
            }
        }
        var found: [(image: Image, member: ImageMember)] = []
        for (image, answer) in zip(images, answers) {
            if let member = try answer.get() { found.append((image, member)) }
        }
        return found
    }
}
