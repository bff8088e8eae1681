import Console
import MembershipKit

/// One membership system as the console knows it: its model (panes, columns, actions, words) and
/// how it connects to an endpoint of config.yaml. Each lives in its own folder beside this file and
/// is listed once in `SystemRegistry`.
public protocol ConsoleSystem {
    /// The kinds of config.yaml endpoints it serves.
    static var kinds: [EndpointKind] { get }
    static var model: SystemModel { get }
    static func connect(_ endpoint: EndpointConfig, services: ConnectionServices, reports: ConnectionReports) async throws -> Connection
}

/// What connecting needs from the program: how it logs requests, how far it pages, and Keystone
/// sessions built from configuration (token cache included).
public struct ConnectionServices: Sendable {
    public let requestLog: RequestLog?
    public let pagingLimits: PagingLimits
    /// A Keystone session for an endpoint (its clouds.yaml cloud or inline settings).
    public let keystoneSession: @Sendable (EndpointConfig, ConnectionReports) throws -> OpenStackSession
    /// Project names for a Keystone session (alias book, cache, other clouds); nil: ids only.
    public let projectDirectory: (@Sendable (OpenStackSession) -> ProjectDirectory?)?

    public init(requestLog: RequestLog?, pagingLimits: PagingLimits,
                keystoneSession: @escaping @Sendable (EndpointConfig, ConnectionReports) throws -> OpenStackSession,
                projectDirectory: (@Sendable (OpenStackSession) -> ProjectDirectory?)? = nil) {
        self.requestLog = requestLog
        self.pagingLimits = pagingLimits
        self.keystoneSession = keystoneSession
        self.projectDirectory = projectDirectory
    }
}

/// Every system the console speaks to. Adding one is a folder and a line here.
public enum SystemRegistry {
    // Computed: an array of metatypes is not a sendable constant.
    public static var systems: [any ConsoleSystem.Type] {
        [
            GlanceV2System.self,
            GlanceV1System.self,
            AtmosphereSystem.self,
            BonitaSystem.self,
        ]
    }

    public static func system(for kind: EndpointKind) -> (any ConsoleSystem.Type)? {
        systems.first { $0.kinds.contains(kind) }
    }
}
