import Foundation

/// Glance v1 images and members (api-facts §5), over an `OpenStackSession` whose image service
/// still speaks v1 (`{service root}/v1`). v1 members have no status, only `can_share`; where the
/// old api-ref and the server disagree, this client speaks as the server does.
public struct GlanceV1Client: Sendable {
    public let session: OpenStackSession
    /// Bounds every listing (see `PagingPolicy`).
    public let paging: PagingPolicy

    /// Images per request: Glance v1 caps `limit` at 1000 (`api_limit_max`).
    public static let maximumPageSize = 1000

    public init(session: OpenStackSession, paging: PagingPolicy = .standard) {
        self.session = session
        self.paging = paging
    }

    // MARK: Images

    /// Lists the images the caller can see, in the server's order (newest first), following v1's
    /// `marker` paging until a page comes back shorter than asked for.
    /// - Parameters:
    ///   - detail: `/v1/images/detail` (status, owner, is_public, dates) rather than `/v1/images`.
    ///   - name: v1's exact `name` filter.
    ///   - limit: stop after this many images in all; nil follows every page.
    ///   - marker: start after the image with this id.
    ///   - pageSize: images per request (1 to 1000).
    public func images(detail: Bool = true, name: String? = nil, limit: Int? = nil, marker: String? = nil,
                       pageSize: Int = 200) async throws -> [GlanceV1Image] {
        let url = URLJoining.appending(try await endpoint(), detail ? "images/detail" : "images")
        let size = min(max(pageSize, 1), Self.maximumPageSize)
        var collector = PageCollector<GlanceV1Image>(what: "images", policy: paging)
        var marker = marker
        while true {
            let wanted = limit.map { min(size, $0 - collector.items.count) } ?? size
            guard wanted > 0 else { break }
            var items: [(String, String)] = []
            if let name { items.append(("name", name)) }
            items.append(("limit", String(wanted)))
            if let marker { items.append(("marker", marker)) }
            let page: GlanceV1ImagePage = try await getJSON(url + "?" + items.map { "\($0.0)=\(QueryEncoding.escape($0.1))" }.joined(separator: "&"))
            // v1 has no next link: a full page means there may be more, after its last image.
            let last = page.images.count >= wanted ? page.images.last?.id : nil
            guard collector.add(Array(page.images.prefix(wanted)), marker: last, more: last != nil), let last else { break }
            marker = last
        }
        return try collector.finish()
    }

    /// Finds an image by id or by exact name among the images the caller can see (v1 has no
    /// metadata-only GET: `GET /v1/images/{id}` downloads the image, so the lookup goes through the list).
    public func findImage(_ reference: String) async throws -> GlanceV1Image {
        // An id needs the whole list; a name can use the server's filter (matches are checked here too).
        let candidates = try await images(name: GlanceV2Client.looksLikeUUID(reference) ? nil : reference,
                                          pageSize: Self.maximumPageSize)
        if let image = candidates.first(where: { $0.id == reference }) { return image }
        let named = candidates.filter { $0.name == reference }
        switch named.count {
        case 0: throw MembershipError.notFound("no image with id or name '\(reference)'")
        case 1: return named[0]
        default:
            throw MembershipError.ambiguous("\(named.count) images are named '\(reference)' (\(named.map(\.id).joined(separator: ", "))); give the id")
        }
    }

    // MARK: Members

    /// The image's members (`GET /v1/images/{id}/members`).
    public func members(imageID: String) async throws -> [GlanceV1Member] {
        try Self.memberList(from: try await session.send("GET", try await membersURL(imageID)).body)
    }

    /// Reads a member list body, under the server's `members` key or the old api-ref's `memberships`.
    public static func memberList(from body: Data) throws -> [GlanceV1Member] {
        let list: GlanceV1MemberList = try decode(body)
        return list.members
    }

    /// Adds a member, or changes `can_share` of an existing one (`PUT /v1/images/{id}/members/{m}`).
    /// With `canShare` nil no body is sent: a new member gets `can_share` false and an existing one
    /// is left as it is. Glance answers 413 when the image already holds as many members as its
    /// quota allows, even for an existing member.
    public func addMember(imageID: String, memberID: String, canShare: Bool? = nil) async throws {
        let body = try canShare.map { try JSONSerialization.data(withJSONObject: ["member": ["can_share": $0]]) }
        _ = try await session.send("PUT", try await memberURL(imageID, memberID), json: body)
    }

    /// Replaces the whole member list, unless it changed since `previous` was shown: the list is read
    /// again first and, when it differs (order aside), nothing is sent and the error says what it is now.
    /// (A change in the moment between that read and the PUT cannot be seen: v1 has no conditional write.)
    /// - Returns: the list that was replaced.
    @discardableResult
    public func replaceMembers(imageID: String, with members: [GlanceV1Member],
                               expecting previous: [GlanceV1Member]) async throws -> [GlanceV1Member] {
        let current = try await self.members(imageID: imageID)
        guard Set(current) == Set(previous), current.count == previous.count else {
            throw MembershipError.invalidResponse(
                "the member list of image \(imageID) changed since it was shown (now: \(Self.summary(current))); nothing was replaced")
        }
        try await putMembers(imageID: imageID, members)
        return current
    }

    /// Replaces the whole member list with `members` (`PUT /v1/images/{id}/members`).
    /// - Returns: the list that was replaced, as read just before.
    @discardableResult
    public func replaceMembers(imageID: String, with members: [GlanceV1Member]) async throws -> [GlanceV1Member] {
        let current = try await self.members(imageID: imageID)
        try await putMembers(imageID: imageID, members)
        return current
    }

    /// Stops sharing the image with a member (`DELETE`; 404 `Membership could not be found.` when it is none).
    public func removeMember(imageID: String, memberID: String) async throws {
        _ = try await session.send("DELETE", try await memberURL(imageID, memberID))
    }

    /// The images shared with `memberID` (`GET /v1/shared-images/{member}`; the api-ref calls it `owner_id`).
    public func sharedImages(memberID: String) async throws -> [GlanceV1SharedImage] {
        struct List: Decodable {
            var sharedImages: [GlanceV1SharedImage]
            enum CodingKeys: String, CodingKey { case sharedImages = "shared_images" }
        }
        let url = URLJoining.appending(try await endpoint(), "shared-images/" + (try QueryEncoding.pathSegment(memberID, what: "a member id")))
        let list: List = try await getJSON(url)
        return list.sharedImages
    }

    // MARK: Helpers

    /// `{"memberships": [{"member_id", "can_share"}]}`, the form the server reads (204).
    func putMembers(imageID: String, _ members: [GlanceV1Member]) async throws {
        let entries = members.map { ["member_id": $0.memberID, "can_share": $0.canShare] as [String: Any] }
        let body = try JSONSerialization.data(withJSONObject: ["memberships": entries])
        _ = try await session.send("PUT", try await membersURL(imageID), json: body)
    }

    /// A member list in one short line: `a (can share), b` with at most five named.
    static func summary(_ members: [GlanceV1Member]) -> String {
        guard !members.isEmpty else { return "no members" }
        let shown = members.sorted { $0.memberID < $1.memberID }.prefix(5).map { $0.memberID + ($0.canShare ? " (can share)" : "") }
        let rest = members.count - shown.count
        return shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    func endpoint() async throws -> String { try await session.imageEndpoint(version: "v1") }

    func membersURL(_ imageID: String) async throws -> String {
        URLJoining.appending(try await endpoint(), "images/" + (try QueryEncoding.pathSegment(imageID, what: "an image id")) + "/members")
    }

    func memberURL(_ imageID: String, _ memberID: String) async throws -> String {
        try await membersURL(imageID) + "/" + (try QueryEncoding.pathSegment(memberID, what: "a member id"))
    }

    func getJSON<T: Decodable>(_ url: String) async throws -> T {
        try Self.decode(try await session.send("GET", url).body)
    }

    static func decode<T: Decodable>(_ body: Data) throws -> T {
        try JSONResponse.decode(HTTPResponseData(status: 200, body: body))
    }
}

/// One page of `GET /v1/images[/detail]`.
struct GlanceV1ImagePage: Decodable {
    var images: [GlanceV1Image]
}
