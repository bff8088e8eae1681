import ConsoleRuntime
import MembershipKit

/// The connector the console builds for config.yaml endpoints (`ConsoleConnector`, in the
/// executable): `:endpoint NAME` finds the endpoint, and the system of its kind connects.
struct EndpointConnector: Sendable {
    let endpoints: [EndpointConfig]
    let services: ConnectionServices

    init(_ endpoints: [EndpointConfig], services: ConnectionServices = RuntimeSandbox.services()) {
        self.endpoints = endpoints
        self.services = services
    }

    func connect(_ target: ConnectionTarget, reports: ConnectionReports) async throws -> Connection {
        guard case let .endpoint(name) = target, let endpoint = endpoints.first(where: { $0.name == name }) else {
            throw MembershipError.configuration(.unsupported("no endpoint for \(target)"))
        }
        guard let system = SystemRegistry.system(for: endpoint.kind) else {
            throw MembershipError.configuration(.unsupported("no system for \(endpoint.kind.rawValue)"))
        }
        return try await system.connect(endpoint, services: services, reports: reports)
    }
}
