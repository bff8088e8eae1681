/// Who and where the console is connected, for the header.
public struct SessionInfo: Sendable, Equatable {
    public var cloud: String
    /// Which connection this is, for the rows it loads: a cloud and an endpoint may share a name.
    public var connection: ConnectionID
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
    /// What the system has and how it words it.
    public var system: SystemModel

    public init(cloud: String, region: String? = nil, userName: String, projectName: String, projectID: String,
                endpointHost: String, isSandbox: Bool = false, isAdmin: Bool = false, system: SystemModel, connection: ConnectionID? = nil) {
        self.connection = connection ?? ConnectionID(cloud)
        self.system = system
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
