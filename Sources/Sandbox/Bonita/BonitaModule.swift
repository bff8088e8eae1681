import GRDB
import Hummingbird

/// Bonita's portal login and the identity REST API subset memberdeck uses: the organisation (users, groups,
/// roles: search and get) and memberships (add, search, delete). Served under `/bonita`, answering as
/// Bonita 7.x does: session cookie plus CSRF header, all-string items, `Content-Range` on searches, and its
/// exception JSON on errors.
public enum BonitaModule: SandboxModule {
    public static func registerMigrations(in migrator: inout DatabaseMigrator) { BonitaSchema.register(in: &migrator) }
    public static var tables: [String] { BonitaSchema.tables }
    public static func seed(_ seed: SandboxSeed, in db: Database) throws { try BonitaSchema.seed(seed, in: db) }

    public static func addRoutes(to router: Router<SandboxRequestContext>, environment: SandboxEnvironment) {
        BonitaLoginRoutes.add(to: router, database: environment.database)
        BonitaDirectoryRoutes.add(to: router, database: environment.database)
        BonitaMembershipRoutes.add(to: router, database: environment.database)
    }
}
