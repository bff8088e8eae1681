import Foundation

/// Glance v2 images and image members, over an `OpenStackSession`.
public struct GlanceV2Client: Sendable {
    public let session: OpenStackSession
    /// Bounds every listing (see `PagingPolicy`).
    public let paging: PagingPolicy

    public init(session: OpenStackSession, paging: PagingPolicy = .standard) {
        self.session = session
        self.paging = paging
    }

    // MARK: Images

    /// Lists images following every `next` link (or until `query.limit`), within `paging`'s limits.
    /// `progress` is called after each page with the number of images so far.
    public func listImages(_ query: ImageQuery = ImageQuery(), progress: (@Sendable (Int) -> Void)? = nil) async throws -> [Image] {
        try await listImages(query, progress: progress) { $0 }
    }

    /// The listing with each image turned into what the caller keeps (a console row) as its page
    /// arrives, so that 100,000 images are never held beside what they become.
    /// `page`, when given, receives each page's items (before `progress`) and they are not kept:
    /// the result is then empty, and the caller holds the listing (never twice).
    /// `listingFieldsOnly` decodes only what a listing shows (id, name, status, visibility, owner,
    /// created_at): a third of the decoding, for the console's 100,000 images.
    public func listImages<Item>(_ query: ImageQuery = ImageQuery(), progress: (@Sendable (Int) -> Void)? = nil,
                                 page pageArrived: (([Item]) -> Void)? = nil, listingFieldsOnly: Bool = false,
                                 each transform: (Image) -> Item) async throws -> [Item] {
        let base = try await session.imageEndpoint()
        var url = URLJoining.appending(base, "images") + "?" + query.queryString()
        var collector = PageCollector<Item>(what: "images", policy: paging, handsOver: pageArrived != nil)
        // The next page is asked for while this one is decoded (decoding 1,000 images costs about
        // what fetching them does); a request no longer wanted is cancelled.
        var prefetch: PageRequest?
        defer { prefetch?.task.cancel() }
        while true {
            let response: HTTPResponseData
            if let waiting = prefetch, waiting.url == url {
                prefetch = nil
                response = try await waiting.task.value
            } else {
                prefetch?.task.cancel()
                prefetch = nil
                response = try await session.send("GET", url)
            }
            // Only the link is read first (the top level, not the images); the page's own decoding
            // below says what went wrong with a bad body.
            if query.limit == nil, collector.pages + 1 < paging.limits.maximumPages,
               let link = JSONTopLevelMember.string("next", in: response.body) {
                let nextURL = URLJoining.resolve(link: link, versionedBase: base)
                let session = self.session
                prefetch = PageRequest(url: nextURL, task: Task { try await session.send("GET", nextURL) })
            }
            let page: GlanceV2ImagePage
            if listingFieldsOnly {
                let listed: GlanceV2ImageListingPage = try decode(response)
                page = GlanceV2ImagePage(images: listed.images.map(\.image), next: listed.next)
            } else {
                page = try decode(response)
            }
            let wanted = query.limit.map { $0 - collector.count } ?? Int.max
            let reachedLimit = page.images.count >= wanted
            let next = page.images.isEmpty || reachedLimit ? nil : page.next
            // Glance's marker is the last image of a page: a page ending where an earlier one did is a circle.
            let kept = reachedLimit ? page.images.prefix(wanted) : page.images[...]
            let goOn = collector.add(kept.map(transform), marker: page.images.last?.id, more: next != nil)
            if let pageArrived, !collector.lastTaken.isEmpty { pageArrived(collector.lastTaken) }
            progress?(collector.count)
            guard goOn, let next else { break }
            url = URLJoining.resolve(link: next, versionedBase: base)
        }
        return try collector.finish()
    }

    public func image(id: String) async throws -> Image {
        try await getJSON(try await imageURL(id))
    }

    /// Finds an image by id, or by name among every image the caller can see, including images
    /// shared with it that are still pending or rejected (which `openstack` cannot find by name).
    public func findImage(_ reference: String) async throws -> Image {
        if Self.looksLikeUUID(reference) {
            do {
                return try await image(id: reference)
            } catch let error as MembershipError where Self.isImageNotFound(error, reference) {
                // An image may be named like a UUID; fall through to the name lookup.
            }
        }
        return try await findImage(named: reference)
    }

    /// Runs `operation` with the id of the image `reference` names. An id is used as it is, so the
    /// common case costs no extra request; only when Glance answers that no image has that id is
    /// the reference looked up as a name.
    public func withImageID<T: Sendable>(_ reference: String, _ operation: @Sendable (String) async throws -> T) async throws -> T {
        if Self.looksLikeUUID(reference) {
            do {
                return try await operation(reference)
            } catch let error as MembershipError where Self.isImageNotFound(error, reference) {
                guard let named = try? await findImage(named: reference) else { throw error }
                return try await operation(named.id)
            }
        }
        return try await operation(try await findImage(named: reference).id)
    }

    /// Looks an image up by exact name, across visibilities and member statuses.
    public func findImage(named name: String) async throws -> Image {
        var matches = try await listImages(ImageQuery(visibility: "all", memberStatus: "all", name: name, pageSize: 100))
        if matches.isEmpty {
            // Community images are listed only when asked for.
            matches = try await listImages(ImageQuery(visibility: "community", name: name, pageSize: 100))
        }
        switch matches.count {
        case 0: throw MembershipError.notFound("no image with id or name '\(name)'")
        case 1: return matches[0]
        default:
            throw MembershipError.ambiguous("\(matches.count) images are named '\(name)' (\(matches.map(\.id).joined(separator: ", "))); give the id")
        }
    }

    /// Glance's answer when the image itself (not a member row) does not exist or is invisible.
    static func isImageNotFound(_ error: MembershipError, _ reference: String) -> Bool {
        guard case let .http(failure) = error, failure.status == 404 else { return false }
        return failure.message.hasPrefix("Image \(reference) not found") || failure.message.hasPrefix("No image found with ID \(reference)")
    }

    static func looksLikeUUID(_ text: String) -> Bool {
        let hex = text.replacingOccurrences(of: "-", with: "")
        return hex.count == 32 && hex.allSatisfy(\.isHexDigit)
    }

    /// Sets an image's visibility (`PATCH` with a JSON patch): an image must be `shared` before it
    /// can have members. Only its owner (or an admin) may.
    public func setVisibility(imageID: String, to visibility: String) async throws -> Image {
        let patch = try JSONSerialization.data(withJSONObject: [["op": "replace", "path": "/visibility", "value": visibility]])
        let response = try await session.send("PATCH", try await imageURL(imageID), json: patch,
                                              headers: [("Content-Type", "application/openstack-images-v2.1-json-patch")])
        return try decode(response)
    }

    // MARK: Members

    public func members(imageID: String) async throws -> [ImageMember] {
        let list: GlanceV2MemberList = try await getJSON(try await membersURL(imageID))
        return list.members
    }

    public func member(imageID: String, memberID: String) async throws -> ImageMember {
        try await getJSON(try await memberURL(imageID, memberID))
    }

    /// Shares an image with a project (`POST {"member": id}`; Glance answers 200).
    public func addMember(imageID: String, memberID: String) async throws -> ImageMember {
        // A member that no later request could name (`..`) is refused here too, not only when removed.
        _ = try QueryEncoding.pathSegment(memberID, what: "a member id")
        let body = try JSONSerialization.data(withJSONObject: ["member": memberID])
        let response = try await session.send("POST", try await membersURL(imageID), json: body)
        return try decode(response)
    }

    /// Sets a member's status (`PUT {"status": s}`). Only the member itself (or an admin) may.
    public func updateMember(imageID: String, memberID: String, status: MemberStatus) async throws -> ImageMember {
        let body = try JSONSerialization.data(withJSONObject: ["status": status.rawValue])
        let response = try await session.send("PUT", try await memberURL(imageID, memberID), json: body)
        return try decode(response)
    }

    /// Stops sharing an image with a project (204).
    public func removeMember(imageID: String, memberID: String) async throws {
        _ = try await session.send("DELETE", try await memberURL(imageID, memberID))
    }

    // MARK: Helpers

    func imageURL(_ id: String) async throws -> String {
        URLJoining.appending(try await session.imageEndpoint(), "images/" + (try QueryEncoding.pathSegment(id, what: "an image id")))
    }

    func membersURL(_ imageID: String) async throws -> String { try await imageURL(imageID) + "/members" }

    func memberURL(_ imageID: String, _ memberID: String) async throws -> String {
        try await membersURL(imageID) + "/" + (try QueryEncoding.pathSegment(memberID, what: "a member id"))
    }

    func getJSON<T: Decodable>(_ url: String) async throws -> T {
        try decode(try await session.send("GET", url))
    }

    func decode<T: Decodable>(_ response: HTTPResponseData) throws -> T {
        try JSONResponse.decode(response)
    }
}

/// A request for a page made before it is needed, and the URL it asked for.
private struct PageRequest {
    let url: String
    let task: Task<HTTPResponseData, any Error>
}

/// One page of `GET /v2/images`.
struct GlanceV2ImagePage: Decodable {
    var images: [Image]
    var next: String?
}

/// One page of `GET /v2/images` with only the fields a listing shows of each image.
struct GlanceV2ImageListingPage: Decodable {
    var images: [ListedImage]
    var next: String?

    struct ListedImage: Decodable {
        var image: Image

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Image.CodingKeys.self)
            image = Image(id: try container.decode(String.self, forKey: .id), name: try container.decodeIfPresent(String.self, forKey: .name),
                          status: try container.decodeIfPresent(String.self, forKey: .status),
                          visibility: try container.decodeIfPresent(String.self, forKey: .visibility),
                          owner: try container.decodeIfPresent(String.self, forKey: .owner))
            image.createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
        }
    }
}

/// `GET /v2/images/{id}/members` (not paginated).
struct GlanceV2MemberList: Decodable {
    var members: [ImageMember]
}
