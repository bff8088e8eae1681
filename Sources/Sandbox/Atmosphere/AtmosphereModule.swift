import GRDB
import Hummingbird

/// CyVerse Atmosphere's API v2 subset that memberdeck uses: token login, images, image versions, groups and
/// the image-version memberships that share a version with a group. Served under `/atmosphere`, answering
/// as Atmosphere's Django REST framework views do (DRF error bodies, page-number pagination).
public enum AtmosphereModule: SandboxModule {
    static let root = "/atmosphere"

    /// The viewsets, in the order the API root lists them.
    static let viewSets = [
        AtmosphereGroups.viewSet,
        AtmosphereImages.viewSet,
        AtmosphereImageVersions.viewSet,
        AtmosphereMemberships.viewSet,
    ]

    public static func registerMigrations(in migrator: inout DatabaseMigrator) { AtmosphereSchema.register(in: &migrator) }
    public static var tables: [String] { AtmosphereSchema.tables }
    public static func seed(_ seed: SandboxSeed, in db: Database) throws { try AtmosphereSeeder.seed(seed, in: db) }

    /// One catch-all route per method: `AtmosphereDispatch` routes by itself so that unknown paths, trailing
    /// slashes and unsupported methods get DRF's bodies rather than Hummingbird's.
    public static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        let dispatch = AtmosphereDispatch(viewSets: viewSets, database: environment.database)
        for method in AtmosphereDispatch.methods {
            router.on("atmosphere/**", method: method) { request, context in
                try await dispatch.respond(request, context: context)
            }
        }
    }
}
