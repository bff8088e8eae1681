/// Whose shares the Memberships pane lists: the current connection's project (`:inbox here`), or
/// every cloud's (`:inbox all`), each row acting with the credentials of the cloud it came from.
public enum InboxSpan: Sendable, Equatable {
    case here
    case everyCloud
}

/// How far `:inbox all` has read one cloud: the pane's title counts them, a failure is flashed.
public enum CloudReadState: Sendable, Equatable {
    case reading
    case read(shares: Int)
    case failed(String)
}

/// One cloud's answer to `:inbox all`: who it is (for the activity log and the Cloud column) and
/// how many shares it offers, or why it could not be read.
public struct CloudInboxReport: Sendable, Equatable {
    public var cloud: String
    public var identity: SessionInfo?
    public var result: Result<Int, Failure>
    /// The cloud's rows, shown at once on a first load (the slowest cloud, often an admin's, does
    /// not hold back the others); the load's `rowsLoaded` brings them all together.
    public var rows: [RecordRow]

    public init(cloud: String, identity: SessionInfo?, result: Result<Int, Failure>, rows: [RecordRow] = []) {
        self.cloud = cloud
        self.identity = identity
        self.result = result
        self.rows = rows
    }
}
