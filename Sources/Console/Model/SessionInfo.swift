/// Who and where the console is connected, for the header.
public struct SessionInfo: Sendable, Equatable {
    public var cloud: String
    public var region: String?
    public var userName: String
    public var projectName: String
    public var projectID: String
    /// Host (and port) of the image endpoint.
    public var endpointHost: String
    /// True when connected to memberdeck's own sandbox endpoint.
    public var isSandbox: Bool
    /// True when the token carries the admin role (admins see every project's images).
    public var isAdmin: Bool
    /// Set for Glance v1, Atmosphere and Bonita, whose panes differ from Glance v2's.
    public var directoryKind: DirectoryKind?

    public init(cloud: String, region: String? = nil, userName: String, projectName: String, projectID: String,
                endpointHost: String, isSandbox: Bool = false, isAdmin: Bool = false, directoryKind: DirectoryKind? = nil) {
        self.directoryKind = directoryKind
        self.cloud = cloud
        self.region = region
        self.userName = userName
        self.projectName = projectName
        self.projectID = projectID
        self.endpointHost = endpointHost
        self.isSandbox = isSandbox
        self.isAdmin = isAdmin
    }
}
