import ConsoleRuntime
import Foundation
import MembershipKit
import Sandbox

/// config.yaml endpoints pointing at a `RuntimeSandbox`, as an operator would write them, and the
/// services the program hands to a system's `connect`.
extension RuntimeSandbox {
    /// A Glance v1 endpoint with inline Keystone settings for a sandbox account (olivia: project imaging).
    func glanceV1Endpoint(_ user: String = "olivia") -> EndpointConfig {
        let account = KeystoneDirectory.user(named: user)!
        var endpoint = EndpointConfig(name: "v1-\(user)", kind: .glanceV1, origin: "test")
        endpoint.url = urls.imageV1
        endpoint.authURL = urls.identity
        endpoint.username = account.name
        endpoint.password = .literal(account.password)
        endpoint.projectName = account.project
        endpoint.userDomainName = KeystoneDirectory.domainName
        endpoint.projectDomainName = KeystoneDirectory.domainName
        endpoint.regionName = KeystoneDirectory.region
        return endpoint
    }

    func atmosphereEndpoint(_ user: String = "olivia", password: String = AtmosphereDirectory.password) -> EndpointConfig {
        var endpoint = EndpointConfig(name: "atmo-\(user)", kind: .atmosphere, origin: "test")
        endpoint.url = urls.atmosphere
        endpoint.username = user
        endpoint.password = .literal(password)
        return endpoint
    }

    /// A Bonita endpoint (`install` has its own password, every ACME account `bpm`).
    func bonitaEndpoint(_ user: String, password: String? = nil) -> EndpointConfig {
        let known = user == BonitaDemoOrganisation.technicalUserName ? BonitaDemoOrganisation.technicalPassword : BonitaDemoOrganisation.password
        var endpoint = EndpointConfig(name: "bonita-\(user)", kind: .bonita, origin: "test")
        endpoint.url = urls.bonita
        endpoint.username = user
        endpoint.password = .literal(password ?? known)
        return endpoint
    }

    /// A Keystone session of a sandbox account, for the Glance v2 connection (`GlanceV2System.connect(session:)`).
    func keystoneSession(_ user: String, transport: (any HTTPTransport)? = nil) throws -> OpenStackSession {
        let cloud = Self.cloud(for: glanceV1Endpoint(user), imageRoot: nil)
        guard let transport else { return try OpenStackSession.make(cloud: cloud, tokenCache: nil, retryPolicy: .never) }
        return OpenStackSession(cloud: cloud, transport: transport, tokenCache: nil)
    }

    /// What the program gives a system to connect: no request log, the given paging limits, and
    /// Keystone sessions built from an endpoint's inline settings. The program's own builder
    /// (`CommandContext.keystoneCloud(for:)`) lives in the executable, so the same mapping is made
    /// here for the inline case the tests use; the token cache stays off (ports change every run).
    static func services(paging: PagingLimits = PagingLimits()) -> ConnectionServices {
        ConnectionServices(requestLog: nil, pagingLimits: paging) { endpoint, reports in
            try OpenStackSession.make(cloud: cloud(for: endpoint, imageRoot: endpoint.url), tokenCache: nil, retryPolicy: .never,
                                      onRetry: reports.onRetry)
        }
    }

    /// Reports that go nowhere, for connections whose retries and truncations a test does not watch.
    static let quietReports = ConnectionReports(onRetry: { _ in }, onTruncated: { _ in })

    private static func cloud(for endpoint: EndpointConfig, imageRoot: String?) -> CloudConfig {
        let password: String? = if case let .literal(text)? = endpoint.password { text } else { nil }
        var cloud = CloudConfig.password(name: endpoint.name, authURL: endpoint.authURL ?? "", username: endpoint.username ?? "",
                                         password: password, projectName: endpoint.projectName,
                                         domain: endpoint.userDomainName ?? KeystoneDirectory.domainName, region: endpoint.regionName)
        cloud.imageEndpointOverride = imageRoot
        return cloud
    }
}
