import GRDB
import HTTPTypes
import Hummingbird

/// Which data a fresh sandbox starts with.
public enum SandboxSeed: String, Sendable, CaseIterable {
    /// Projects, users, images, shares, Atmosphere and Bonita directories: the demo an operator explores.
    case demo
    /// Only the accounts needed to log in (users, projects, roles, groups); no images, shares or memberships.
    case empty
}

/// One protocol family served by the sandbox (Keystone, Glance, Atmosphere, Bonita). Each owns its tables,
/// its seed rows and its routes, so adding a system touches one folder and the module list.
public protocol SandboxModule: Sendable {
    /// Registers this module's schema migrations. Identifiers are prefixed with the module name.
    static func registerMigrations(in migrator: inout DatabaseMigrator)
    /// The module's tables, children before parents, emptied by `sandbox reset`.
    static var tables: [String] { get }
    /// Inserts the seed rows (inside the transaction that created or reset the database).
    static func seed(_ seed: SandboxSeed, in db: Database) throws
    /// Adds the module's routes.
    static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment)
    /// Removes what the module keeps beside the SQLite file (Glance's image data), after `sandbox reset`
    /// emptied its tables.
    static func removeFiles(of database: SandboxDatabase) throws
}

extension SandboxModule {
    /// Most modules keep everything in their tables.
    public static func removeFiles(of database: SandboxDatabase) throws {}
}

/// What routes share: the database and the in-memory switches tests use (throttling, latency).
public struct SandboxEnvironment: Sendable {
    public let database: SandboxDatabase
    public let throttle: ThrottleSwitch
    public let writeLatency: WriteLatency
    /// The largest image upload, in bytes (Glance's `image_size_cap`).
    public let imageSizeCap: Int

    public init(database: SandboxDatabase, throttle: ThrottleSwitch, writeLatency: WriteLatency = WriteLatency(),
                imageSizeCap: Int = SandboxEnvironment.defaultImageSizeCap) {
        self.database = database
        self.throttle = throttle
        self.writeLatency = writeLatency
        self.imageSizeCap = imageSizeCap
    }

    /// 1 GiB: Glance's own default (1 TiB) is far past what a sandbox on a developer's disk should take.
    public static let defaultImageSizeCap = 1 << 30
}
