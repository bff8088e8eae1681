import Foundation
import MembershipKit

/// The clients of the non-Glance-v2 kinds, made from the selected endpoint.
extension CommandContext {
    /// The selected endpoint when it is of `kind`; nil when no endpoint (or another kind) is selected.
    func endpoint(ofKind kind: EndpointKind) throws -> EndpointConfig? {
        guard let endpoint = try selectedEndpoint(), endpoint.kind == kind else { return nil }
        return endpoint
    }

    /// The selected endpoint, which must be one of `kinds` for `command`.
    func requireEndpoint(_ kinds: [EndpointKind], for command: String) throws -> EndpointConfig {
        guard let endpoint = try selectedEndpoint() else {
            throw ConfigurationError.missingValue(key: "--endpoint", detail: "\(command) needs an endpoint of kind \(kinds.map(\.rawValue).joined(separator: " or ")) from config.yaml (memberdeck endpoints list)")
        }
        guard kinds.contains(endpoint.kind) else { throw ConfigurationError.unsupported(Self.wrongKind(endpoint)) }
        return endpoint
    }

    func glanceV1(_ endpoint: EndpointConfig) throws -> GlanceV1Client {
        GlanceV1Client(session: try session(for: try keystoneCloud(for: endpoint)), paging: try paging)
    }

    /// `paging` nil: the command line's (a listing that stops early is a warning and exit 1).
    func atmosphere(_ endpoint: EndpointConfig, paging: PagingPolicy? = nil) throws -> AtmosphereClient {
        try AtmosphereClient.make(configured: endpoint, requestLog: requestLog, onRetry: retryReporter(everyRetry: true), paging: try paging ?? self.paging,
                                  retryPolicy: retryPolicy)
    }

    func bonita(_ endpoint: EndpointConfig, paging: PagingPolicy? = nil) throws -> BonitaClient {
        try BonitaClient.make(configured: endpoint, requestLog: requestLog, onRetry: retryReporter(everyRetry: true), paging: try paging ?? self.paging,
                              retryPolicy: retryPolicy)
    }
}
