import Foundation

/// CyVerse Atmosphere's API v2: images, image versions, groups, and the image-version memberships that
/// share a version with a group. Over an `AtmosphereSession`, which holds the token.
///
/// Atmosphere lists only the memberships of versions the caller created (staff included): another
/// user's membership is 404 and absent from lists, while creating one checks no ownership at all.
public final class AtmosphereClient: Sendable {
    public let session: AtmosphereSession

    /// Rows asked for per page. DRF's default is 100 and Atmosphere caps `page_size` at 1000; 500 keeps
    /// requests few while a progress callback still has something to show.
    public static let defaultPageSize = 500

    /// Called after each page with the rows loaded so far and, when the server says, how many there are.
    public typealias Progress = @Sendable (_ loaded: Int, _ total: Int?) -> Void

    /// Bounds every listing (see `PagingPolicy`).
    public let paging: PagingPolicy

    public init(session: AtmosphereSession, paging: PagingPolicy = .standard) {
        self.session = session
        self.paging = paging
    }

    public convenience init(endpoint: AtmosphereEndpoint, transport: any HTTPTransport, paging: PagingPolicy = .standard) {
        self.init(session: AtmosphereSession(endpoint: endpoint, transport: transport), paging: paging)
    }

    /// The usual stack: async-http-client with `tls`, retries, and (with a logger) the redacted request log.
    public static func make(endpoint: AtmosphereEndpoint, tls: CloudConfig.TLS = CloudConfig.TLS(), retryPolicy: RetryPolicy = RetryPolicy(),
                            requestLog: RequestLog? = nil, onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                            paging: PagingPolicy = .standard) throws -> AtmosphereClient {
        let transport = try TransportStack.make(tls: tls, timeout: endpoint.timeout, retryPolicy: retryPolicy,
                                                requestLog: requestLog, onRetry: onRetry)
        return AtmosphereClient(endpoint: endpoint, transport: transport, paging: paging)
    }

    /// Logs in now (rather than on the first request), to check the password or learn the username.
    @discardableResult
    public func login() async throws -> AtmosphereToken { try await session.login() }

    // MARK: Images and versions

    /// The images the caller can see. `search` is Atmosphere's: every word must appear in the id, name,
    /// description, a tag or the creator's username; `createdBy` is a username.
    public func images(search: String? = nil, createdBy: String? = nil, pageSize: Int = defaultPageSize,
                       progress: Progress? = nil) async throws -> [AtmosphereImage] {
        try await list("images", [("search", search), ("created_by", createdBy)], pageSize: pageSize, progress: progress)
    }

    /// One image, by integer id or UUID.
    public func image(id: String) async throws -> AtmosphereImage {
        try await get(try resourceURL("images", id))
    }

    /// The versions the caller can see, of one image (its integer id) or of one creator's images.
    public func versions(imageID: Int? = nil, createdBy: String? = nil, pageSize: Int = defaultPageSize,
                         progress: Progress? = nil) async throws -> [AtmosphereVersion] {
        try await list("image_versions", [("image_id", imageID.map(String.init)), ("created_by", createdBy)],
                       pageSize: pageSize, progress: progress)
    }

    /// One version, by UUID.
    public func version(id: String) async throws -> AtmosphereVersion {
        try await get(try resourceURL("image_versions", id))
    }

    // MARK: Groups

    /// Without `search`, the groups the caller belongs to (staff included); with it, every group whose
    /// name starts with each of its words. An empty `search` lists every group.
    public func groups(search: String? = nil, pageSize: Int = defaultPageSize, progress: Progress? = nil) async throws -> [AtmosphereGroup] {
        try await list("groups", [("search", search)], pageSize: pageSize, progress: progress)
    }

    /// One group, by integer id or UUID, whether or not the caller belongs to it: Atmosphere hides other
    /// groups unless the request has `search`, so an empty one is sent.
    public func group(id: String) async throws -> AtmosphereGroup {
        try await get(try resourceURL("groups", id) + "?search=")
    }

    // MARK: Memberships

    /// The memberships of the caller's versions, every page. `versionID` is a version UUID (the seed
    /// document's "number" is wrong); `createdBy` a username.
    public func memberships(versionID: String? = nil, createdBy: String? = nil, pageSize: Int = defaultPageSize,
                            progress: Progress? = nil) async throws -> [AtmosphereMembership] {
        try await list("image_version_memberships", [("version_id", versionID), ("created_by", createdBy)],
                       pageSize: pageSize, progress: progress)
    }

    public func membership(id: Int) async throws -> AtmosphereMembership {
        try await get(try resourceURL("image_version_memberships", String(id)))
    }

    /// Shares a version with a group: `POST {"image_version": <version UUID>, "group": <group UUID>}`.
    /// Atmosphere answers 201 (the seed document says 200; both are taken). A pair that exists already
    /// is 400 `The fields image_version, group must make a unique set.`; an unknown UUID 400
    /// `group: Group with Field: uuid '…' does not exist.`
    public func addMembership(versionID: String, groupID: String) async throws -> AtmosphereMembership {
        let body = try JSONSerialization.data(withJSONObject: ["image_version": versionID, "group": groupID], options: [.sortedKeys])
        let response = try await session.send("POST", collectionURL("image_version_memberships"), json: body, accept: [200, 201])
        return try JSONResponse.decode(response)
    }

    /// Stops sharing: `DELETE` answers 204 (200 is taken too).
    public func removeMembership(id: Int) async throws {
        _ = try await session.send("DELETE", try resourceURL("image_version_memberships", String(id)), accept: [200, 204])
    }

    // MARK: Helpers

    func collectionURL(_ resource: String) -> String { session.endpoint.apiRoot + "/" + resource }

    func resourceURL(_ resource: String, _ id: String) throws -> String {
        collectionURL(resource) + "/" + (try QueryEncoding.pathSegment(id, what: "an Atmosphere id"))
    }

    func get<T: Decodable>(_ url: String) async throws -> T {
        try JSONResponse.decode(try await session.send("GET", url))
    }

    /// Every page of a list, following `next` until it is null. Filters left nil are not sent; an empty
    /// one is (`search=` means something to groups).
    func list<T: Decodable>(_ resource: String, _ filters: [(String, String?)], pageSize: Int, progress: Progress?) async throws -> [T] {
        let collection = collectionURL(resource)
        let query = filters.compactMap { name, value in value.map { (name, $0) } } + [("page_size", String(max(1, pageSize)))]
        var url = collection + "?" + query.map { "\($0.0)=\(QueryEncoding.escape($0.1))" }.joined(separator: "&")
        var collector = PageCollector<T>(what: resource.replacingOccurrences(of: "_", with: " "), policy: paging)
        while true {
            let page: AtmospherePage<T> = try await get(url)
            let next = page.results.isEmpty ? nil : page.next.map { AtmospherePage<T>.nextURL($0, collection: collection) }
            let goOn = collector.add(page.results, marker: next, more: next != nil)
            progress?(collector.items.count, page.count)
            guard goOn, let next else { break }
            url = next
        }
        return try collector.finish()
    }
}
