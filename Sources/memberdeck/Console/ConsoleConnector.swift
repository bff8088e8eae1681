import Console
import Foundation
import MembershipKit

/// Where the console connects: the configured cloud (or the embedded sandbox), another cloud
/// (`:cloud`), or an endpoint of config.yaml (`--endpoint`, `:endpoint`) of any kind.
struct ConsoleConnector: Sendable {
    let context: CommandContext
    let firstCloud: CloudConfig?
    let sandbox: EmbeddedSandbox?
    let endpoints: EndpointsFile
    /// `--endpoint NAME`: the first connection goes there.
    let initialEndpoint: String?
    let fileClouds: [String]

    func connect(_ target: ConnectionTarget, reports: ConnectionReports) async throws -> Connection {
        switch target {
        case .configured:
            if let initialEndpoint { return try await connect(endpoint: try endpoints.endpoint(named: initialEndpoint), reports: reports) }
            return try await connect(cloudName: nil, reports: reports)
        case let .cloud(name):
            return try await connect(cloudName: name, reports: reports)
        case let .endpoint(name):
            return try await connect(endpoint: try endpoints.endpoint(named: name), reports: reports)
        }
    }

    private func connect(cloudName: String?, reports: ConnectionReports) async throws -> Connection {
        // The sandbox answers to its own name unless clouds.yaml has a cloud called that.
        let wantsSandbox = sandbox != nil && (cloudName == nil || (cloudName == EmbeddedSandbox.cloudName && !fileClouds.contains(EmbeddedSandbox.cloudName)))
        let cloud: CloudConfig
        if wantsSandbox, let sandbox {
            cloud = sandbox.cloud
        } else if let cloudName {
            cloud = try context.loader.load(cloudName: cloudName, regionName: context.options.region)
        } else if let firstCloud {
            cloud = firstCloud
        } else {
            throw MembershipError.configuration(.noCloud(searched: []))
        }
        // The sandbox's tokens are not cached: its port changes with every start.
        let session = try OpenStackSession.make(cloud: cloud, tokenCache: wantsSandbox ? nil : TokenCache(xdg: context.xdg),
                                                requestLog: context.requestLog, onRetry: reports.onRetry)
        return .glance(try await ConnectedClient.connect(session: session, cloudName: cloud.name, isSandbox: wantsSandbox,
                                                         paging: reports.paging(try context.configuration.paging.get())))
    }

    private func connect(endpoint: EndpointConfig, reports: ConnectionReports) async throws -> Connection {
        let host = Self.host(endpoint.url ?? endpoint.authURL ?? "")
        let paging = reports.paging(try context.configuration.paging.get())
        switch endpoint.kind {
        case .glance, .rackspace:
            let session = try OpenStackSession.make(cloud: try context.keystoneCloud(for: endpoint), tokenCache: TokenCache(xdg: context.xdg),
                                                    requestLog: context.requestLog, onRetry: reports.onRetry)
            return .glance(try await ConnectedClient.connect(session: session, cloudName: endpoint.name,
                                                             paging: paging))
        case .glanceV1:
            let session = try OpenStackSession.make(cloud: try context.keystoneCloud(for: endpoint), tokenCache: TokenCache(xdg: context.xdg),
                                                    requestLog: context.requestLog, onRetry: reports.onRetry)
            let token = try await session.validToken()
            let root = try await session.imageServiceRoot()
            let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: token.user.name ?? token.user.id,
                                   projectName: token.project?.name ?? "-", projectID: token.project?.id ?? "", endpointHost: Self.host(root),
                                   isAdmin: token.isAdmin, directoryKind: .glanceV1)
            return .directory(DirectoryConnection(service: GlanceV1Directory(client: GlanceV1Client(session: session, paging: paging), projectID: token.project?.id ?? ""), info: info))
        case .atmosphere:
            let client = try context.atmosphere(endpoint, paging: paging)
            let token = try await client.login()
            let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: token.username ?? endpoint.username ?? "-", projectName: token.username ?? endpoint.username ?? "-",
                                   projectID: "", endpointHost: host, directoryKind: .atmosphere)
            return .directory(DirectoryConnection(service: AtmosphereDirectory(client: client), info: info))
        case .bonita:
            let client = try context.bonita(endpoint, paging: paging)
            try await client.login()
            let info = SessionInfo(cloud: endpoint.name, region: endpoint.kind.rawValue, userName: endpoint.username ?? "", projectName: "organisation",
                                   projectID: "", endpointHost: host, directoryKind: .bonita)
            return .directory(DirectoryConnection(service: BonitaDirectory(client: client), info: info))
        }
    }

    /// `host:port` of a URL, for the header.
    static func host(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        return host + (components.port.map { ":\($0)" } ?? "")
    }
}
