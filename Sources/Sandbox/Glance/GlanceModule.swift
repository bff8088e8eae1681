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

    public static func removeFiles(of database: SandboxDatabase) throws {
        try GlanceImageFiles(databasePath: database.path, limit: 0).removeAll()
    }

    /// Glance sets no limit on a JSON body (a 20 MB member id was stored): past the sandbox's own bound it
    /// answers webob's 413, as Glance answers its quotas.
    static let bodyLimit = BodyLimit(bytes: SandboxBodyLimits.sandboxBytes) { _ in
        GlanceFault(status: GlanceFault.requestEntityTooLarge, detail: SandboxBodyLimits.sandboxRefusal)
    }

    public static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        let database = environment.database
        // Before any route: a path that does not decode matches none of them.
        router.add(middleware: GlancePathMiddleware(roots: [root, "/image-v1", RackspaceRoutes.root]))
        let files = GlanceImageFiles(databasePath: database.path, limit: environment.imageSizeCap)
        let image = router.group("image").add(middleware: RequestLineLimitMiddleware(root: root)).add(middleware: GlanceRequestMiddleware(database: database)).add(middleware: BodyLimitMiddleware(limit: bodyLimit))
        GlanceImageRoutes.add(to: image, database: database, files: files)
        GlanceMemberRoutes.add(to: image, database: database)
        GlanceSchemaRoutes.add(to: image, database: database)
        GlanceVersions.add(to: image, database: database)
        // Image data is streamed to disk under its own limit (`imageSizeCap`), not read whole under the JSON bodies' one.
        let data = router.group("image").add(middleware: RequestLineLimitMiddleware(root: root)).add(middleware: GlanceRequestMiddleware(database: database))
        GlanceImageDataRoutes.add(to: data, database: database, files: files)
        let legacy = router.group("image-v1").add(middleware: GlanceRequestMiddleware(database: database)).add(middleware: BodyLimitMiddleware(limit: bodyLimit))
        GlanceV1Routes.add(to: legacy, database: database)
        RackspaceRoutes.add(to: router, environment: environment)
    }
}
