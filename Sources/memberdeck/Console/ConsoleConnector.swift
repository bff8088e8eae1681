import Console
import ConsoleRuntime
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
        let context = self.context
        // The sandbox's tokens are not cached (its port changes): neither are those re-scoped from it.
        let consumers = ConsumerSource(clouds: wantsSandbox ? [] : context.allClouds) { cloud in
            try OpenStackSession.make(cloud: cloud, tokenCache: wantsSandbox ? nil : TokenCache(xdg: context.xdg), requestLog: context.requestLog)
        }
        return try await GlanceV2System.connect(session: session, cloudName: cloud.name, isSandbox: wantsSandbox,
                                                paging: reports.paging(try context.configuration.paging.get()),
                                                names: try? context.projectDirectory(session), consumers: consumers)
    }

    /// An endpoint of config.yaml: the system of its kind connects.
    private func connect(endpoint: EndpointConfig, reports: ConnectionReports) async throws -> Connection {
        guard let system = SystemRegistry.system(for: endpoint.kind) else {
            throw MembershipError.configuration(.unsupported("the console has no panes for endpoints of kind \(endpoint.kind.rawValue)"))
        }
        return try await system.connect(endpoint, services: try services(), reports: reports)
    }

    /// What the systems need of the program to connect.
    func services() throws -> ConnectionServices {
        let context = self.context
        return ConnectionServices(requestLog: context.requestLog, pagingLimits: try context.configuration.paging.get(), keystoneSession: { endpoint, reports in
            try OpenStackSession.make(cloud: try context.keystoneCloud(for: endpoint), tokenCache: TokenCache(xdg: context.xdg),
                                      requestLog: context.requestLog, onRetry: reports.onRetry)
        }, projectDirectory: { session in try? context.projectDirectory(session) })
    }

    /// The model of the system the console connects to first, for the hints shown while it connects.
    var firstSystem: SystemModel {
        guard let initialEndpoint, let endpoint = try? endpoints.endpoint(named: initialEndpoint),
              let system = SystemRegistry.system(for: endpoint.kind) else { return GlanceV2System.model }
        return system.model
    }
}
