import Foundation
import MembershipKit

/// Where a manifest applies, and the planner that speaks to it: the manifest's own `cloud:` or
/// `endpoint:`, else the command line's choice. A manifest and a command line that name two
/// different places are refused: a plan must never be applied as the wrong user.
struct ManifestTarget {
    let document: ManifestDocument
    let planner: any ManifestPlanner

    static func open(path: String, context: CommandContext) async throws -> ManifestTarget {
        let header = try ManifestReader.header(path: path)
        let options = context.options
        if let cloud = header.cloud {
            if let other = options.cloud, other != cloud.value {
                throw ManifestError(path: path, line: cloud.line, problem: "the manifest is for cloud '\(cloud.value)', but --os-cloud names '\(other)'")
            }
            if options.endpoint != nil || options.usesSandbox {
                throw ManifestError(path: path, line: cloud.line, problem: "the manifest is for cloud '\(cloud.value)': drop --endpoint and --sandbox")
            }
        }
        if let endpoint = header.endpoint {
            if let other = options.endpoint, other != endpoint.value {
                throw ManifestError(path: path, line: endpoint.line, problem: "the manifest is for endpoint '\(endpoint.value)', but --endpoint names '\(other)'")
            }
            if options.cloud != nil || options.usesSandbox {
                throw ManifestError(path: path, line: endpoint.line, problem: "the manifest is for endpoint '\(endpoint.value)': drop --os-cloud and --sandbox")
            }
        }
        var endpointConfig: EndpointConfig?
        if let name = header.endpoint?.value ?? options.endpoint {
            do {
                endpointConfig = try context.endpointsFile().endpoint(named: name)
            } catch {
                throw ManifestError(path: path, line: header.endpoint?.line, problem: "\(error)")
            }
        }
        let system = endpointConfig.map { ManifestSystem($0.kind) } ?? .glanceV2
        let document = try ManifestReader.read(header, system: system)
        return ManifestTarget(document: document, planner: try await planner(system, endpoint: endpointConfig, cloudName: header.cloud?.value, context: context))
    }

    /// The planner for a system, on the endpoint or cloud given (else the command line's cloud).
    static func planner(_ system: ManifestSystem, endpoint: EndpointConfig?, cloudName: String?, context: CommandContext) async throws -> any ManifestPlanner {
        switch (system, endpoint) {
        case (.glanceV1, let endpoint?):
            let client = try context.glanceV1(endpoint)
            return GlanceV1ManifestPlanner(client: client, target: "endpoint '\(endpoint.name)' (Glance v1)",
                                           projects: ProjectResolver(directory: try context.projectDirectory(client.session)))
        case (.atmosphere, let endpoint?):
            return AtmosphereManifestPlanner(client: try context.atmosphere(endpoint), target: "endpoint '\(endpoint.name)' (Atmosphere)")
        case (.bonita, let endpoint?):
            return BonitaManifestPlanner(client: try context.bonita(endpoint), target: "endpoint '\(endpoint.name)' (Bonita)")
        default:
            let glance: GlanceV2Client
            let target: String
            if let endpoint {
                glance = GlanceV2Client(session: try context.session(for: try context.keystoneCloud(for: endpoint), reportsRetries: endpoint.kind == .rackspace),
                                        paging: try context.paging)
                target = "endpoint '\(endpoint.name)' (\(endpoint.kind == .rackspace ? "Rackspace" : "Glance v2"))"
            } else if let cloudName {
                glance = GlanceV2Client(session: try context.session(for: try context.loadCloud(cloudName, region: context.options.region)), paging: try context.paging)
                target = "cloud '\(cloudName)'"
            } else {
                glance = try await context.glance()
                target = context.options.usesSandbox ? "the sandbox" : "cloud '\(await glance.session.cloud.name)'"
            }
            return try glanceV2Planner(glance, target: target, context: context)
        }
    }

    static func glanceV2Planner(_ glance: GlanceV2Client, target: String, context: CommandContext) throws -> GlanceV2ManifestPlanner {
        let paging = try context.paging
        let session = glance.session
        return GlanceV2ManifestPlanner(glance: glance, target: target, projects: ProjectResolver(directory: try context.projectDirectory(session)),
                                       consumers: { await ConsumerCredentials.all(home: session, clouds: context.allClouds, session: { try context.session(for: $0) }) },
                                       consumerClient: { GlanceV2Client(session: try context.session(for: $0.cloud), paging: paging) })
    }
}
