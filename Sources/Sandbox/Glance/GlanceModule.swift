import GRDB
import HTTPTypes
import Hummingbird

/// Glance: the v2 image and member API under `/image` (answering as Glance 33 does), Glance v1 members
/// under `/image-v1`, and the Rackspace Cloud Images flavour of v2 under `/rackspace`.
public enum GlanceModule: SandboxModule {
    static let root = "/image"

    public static func registerMigrations(in migrator: inout DatabaseMigrator) { GlanceSchema.register(in: &migrator) }
    public static var tables: [String] { GlanceSchema.tables }
    public static func seed(_ seed: SandboxSeed, in db: Database) throws {
        if seed == .demo { try GlanceDemoSeed.insert(in: db) }
    }

    public static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        let database = environment.database
        let image = router.group("image").add(middleware: GlanceRequestMiddleware(database: database))
        GlanceImageRoutes.add(to: image, database: database)
        GlanceMemberRoutes.add(to: image, database: database)
        GlanceVersions.add(to: image, database: database)
        let legacy = router.group("image-v1").add(middleware: GlanceRequestMiddleware(database: database))
        GlanceV1Routes.add(to: legacy, database: database)
        RackspaceRoutes.add(to: router, environment: environment)
    }
}
