import Foundation

/// Which membership system an endpoint speaks.
public enum EndpointKind: String, Sendable, CaseIterable {
    /// OpenStack Glance v2 (the default, usually from clouds.yaml).
    case glance
    /// Glance v1 members (`can_share`, whole-list replace, shared-images).
    case glanceV1 = "glance-v1"
    /// Rackspace Cloud Images: Glance v2 behind a rate limiter.
    case rackspace
    /// CyVerse Atmosphere image version memberships.
    case atmosphere
    /// Bonita identity memberships (user, group, role).
    case bonita

    /// Kinds that authenticate with Keystone (a cloud from clouds.yaml, or inline `auth_url`).
    public var usesKeystone: Bool { [.glance, .glanceV1, .rackspace].contains(self) }
}

/// Where a secret comes from. Commands run only when the endpoint is used.
public enum SecretSource: Sendable, Equatable {
    case literal(String)
    /// A shell command (e.g. `pass show atmo`); its first output line is the secret.
    case command(String)
}

/// One entry of `endpoints:` in `$XDG_CONFIG_HOME/memberdeck/config.yaml`.
public struct EndpointConfig: Sendable, Equatable {
    public var name: String
    public var kind: EndpointKind
    /// The service root: Glance's (without `/v1` or `/v2`), Atmosphere's, or Bonita's `…/bonita`.
    public var url: String?
    /// A clouds.yaml cloud whose Keystone credentials the endpoint uses (Keystone kinds).
    public var cloud: String?
    /// Inline Keystone settings (Keystone kinds without `cloud`).
    public var authURL: String?
    public var projectName: String?
    public var projectID: String?
    public var userDomainName: String?
    public var projectDomainName: String?
    public var regionName: String?
    public var username: String?
    public var password: SecretSource?
    public var token: SecretSource?
    public var tls: CloudConfig.TLS
    public var timeout: Double?
    /// Seconds `password_command` may take (default `SecretResolver.defaultTimeout`).
    public var passwordCommandTimeout: Double?
    /// Set when the file itself holds a password or token (not `${VAR}` or a command).
    public var literalSecret = false
    /// Where it was defined, for messages: `path:line`.
    public var origin: String

    public init(name: String, kind: EndpointKind, origin: String) {
        self.name = name
        self.kind = kind
        self.origin = origin
        self.tls = CloudConfig.TLS()
    }
}

extension EndpointConfig {
    /// The password: literal, or from `password_command` within its timeout ("" when none is set).
    public func resolvedPassword() throws -> String {
        try SecretResolver.resolve(password ?? .literal(""), what: "password_command of endpoint \(name)",
                                   timeout: passwordCommandTimeout ?? SecretResolver.defaultTimeout)
    }

    /// The token, when the endpoint sets one.
    public func resolvedToken() throws -> String? {
        try token.map { try SecretResolver.resolve($0, what: "token of endpoint \(name)") }
    }
}
