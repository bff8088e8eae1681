import Foundation
import MembershipKit
import TerminalText

/// Turns `--endpoint NAME` into what the clients need: the entry from config.yaml, and for the
/// Keystone kinds a cloud (from clouds.yaml, or made from the entry's own settings).
extension CommandContext {
    static func configPath(_ xdg: XDGDirectories) -> String { (xdg.memberdeckConfig as NSString).appendingPathComponent("config.yaml") }

    /// The endpoints of config.yaml; warnings (a readable file holding secrets) go to stderr.
    func endpointsFile() throws -> EndpointsFile {
        try Self.warnedEndpoints(configuration)
    }

    private static func warnedEndpoints(_ configuration: ConfigSelection) throws(ConfigurationError) -> EndpointsFile {
        let file = try configuration.endpoints.get()
        warn(file.warnings)
        return file
    }

    /// Configuration warnings (config.yaml, clouds.yaml, secure.yaml), one `memberdeck: warning:` line each on stderr.
    static func warn(_ warnings: [String]) {
        for warning in warnings {
            FileHandle.standardError.write(Data("memberdeck: warning: \(TerminalSanitizer.sanitize(warning))\n".utf8))
        }
    }

    /// A cloud from clouds.yaml (and secure.yaml, clouds-public.yaml, `OS_*`); files that were skipped are warned about.
    func loadCloud(_ name: String?, region: String?) throws -> CloudConfig {
        let loader = self.loader
        defer { Self.warn(loader.warnings) }
        return try loader.load(cloudName: name, regionName: region)
    }

    static func resolveEndpoint(_ name: String?, in configuration: ConfigSelection) -> Result<EndpointConfig?, ConfigurationError> {
        guard let name else { return .success(nil) }
        do throws(ConfigurationError) {
            return .success(try warnedEndpoints(configuration).endpoint(named: name))
        } catch {
            return .failure(error)
        }
    }

    /// The endpoint `--endpoint` names, or nil without the option.
    func selectedEndpoint() throws -> EndpointConfig? {
        try endpointSelection.get()
    }

    /// The Keystone cloud of a Glance, Glance v1 or Rackspace endpoint. `url` becomes the image
    /// service root; `timeout`, `cacert` and `insecure` apply to every request.
    func keystoneCloud(for endpoint: EndpointConfig) throws -> CloudConfig {
        var cloud: CloudConfig
        if let name = endpoint.cloud {
            cloud = try loadCloud(name, region: endpoint.regionName ?? options.region)
        } else {
            var auth = CloudConfig.Auth()
            auth.authURL = endpoint.authURL
            auth.username = endpoint.username
            auth.projectName = endpoint.projectName
            auth.projectID = endpoint.projectID
            auth.userDomainName = endpoint.userDomainName ?? "Default"
            auth.projectDomainName = endpoint.projectDomainName ?? "Default"
            var type = CloudConfig.AuthType.password
            if let token = try endpoint.resolvedToken() {
                auth.token = token
                type = .token
            } else if endpoint.password != nil {
                auth.password = try endpoint.resolvedPassword()
            }
            cloud = CloudConfig(name: endpoint.name, authType: type, auth: auth, regionName: endpoint.regionName ?? options.region)
        }
        cloud.name = endpoint.name
        if let url = endpoint.url { cloud.imageEndpointOverride = url }
        if let timeout = endpoint.timeout { cloud.apiTimeout = timeout }
        if endpoint.tls.caCertPath != nil { cloud.tls.caCertPath = endpoint.tls.caCertPath }
        if !endpoint.tls.verify { cloud.tls.verify = false }
        return cloud
    }

    /// One line on stderr for each wait a retry makes (Rackspace's over-limit answers), so a script's
    /// operator sees why a command pauses. Without `everyRetry`, only waits of a second or more
    /// (a server's `Retry-After`) are said; quick reconnects stay quiet.
    func retryReporter(everyRetry: Bool) -> @Sendable (RetryNotice) -> Void {
        { notice in
            guard everyRetry || notice.delay >= 1 else { return }
            let reason: String
            switch notice.status {
            case 413?, 429?: reason = "over limit (\(notice.status!))"
            case 503?: reason = "service unavailable (503)"
            case let status?: reason = "HTTP \(status)"
            case nil: reason = "connection failed"
            }
            let path = notice.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? notice.url
            FileHandle.standardError.write(Data("memberdeck: \(notice.method) \(TerminalSanitizer.sanitize(path)): \(reason); retrying in \(RetryDelay.text(notice.delay))\n".utf8))
        }
    }
}

