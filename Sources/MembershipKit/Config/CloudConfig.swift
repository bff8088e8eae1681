/// A cloud fully resolved from clouds.yaml, secure.yaml, clouds-public.yaml and `OS_*`,
/// with openstacksdk's renames and defaults applied.
public struct CloudConfig: Sendable, Equatable {
    public enum AuthType: String, Sendable, Equatable {
        case password
        case applicationCredential = "v3applicationcredential"
        case token
        case none
    }

    /// Keystone credentials and scope. Secrets are only ever printed as `***`.
    public struct Auth: Sendable, Equatable {
        public var authURL: String?
        public var username: String?
        public var userID: String?
        public var password: String?
        public var projectName: String?
        public var projectID: String?
        public var userDomainName: String?
        public var userDomainID: String?
        public var projectDomainName: String?
        public var projectDomainID: String?
        public var domainName: String?
        public var domainID: String?
        public var token: String?
        public var applicationCredentialID: String?
        public var applicationCredentialName: String?
        public var applicationCredentialSecret: String?
        public var systemScope: String?

        public init() {}
    }

    /// How TLS is checked. `verify == false` only when the user said `insecure` or `verify: false`.
    public struct TLS: Sendable, Equatable {
        public var verify: Bool = true
        public var caCertPath: String?
        public var clientCertPath: String?
        public var clientKeyPath: String?
        public init() {}
    }

    public var name: String
    public var authType: AuthType
    public var auth: Auth
    public var regionName: String?
    /// Every region the cloud lists (`regions:`), so that one can read them all; empty when it lists none.
    public var regionNames: [String] = []
    public var interface: String
    public var tls: TLS
    public var apiTimeout: Double?
    public var imageEndpointOverride: String?
    /// Files that contributed to this cloud, for `config show`.
    public var sourceFiles: [String]

    public init(name: String, authType: AuthType = .password, auth: Auth = Auth(), regionName: String? = nil,
                interface: String = "public", tls: TLS = TLS(), apiTimeout: Double? = nil,
                imageEndpointOverride: String? = nil, sourceFiles: [String] = []) {
        self.name = name
        self.authType = authType
        self.auth = auth
        self.regionName = regionName
        self.interface = interface
        self.tls = tls
        self.apiTimeout = apiTimeout
        self.imageEndpointOverride = imageEndpointOverride
        self.sourceFiles = sourceFiles
    }
}

extension CloudConfig {
    /// A password cloud scoped to a project by name, both in one domain: what the sandbox's accounts,
    /// inline endpoint settings and tests build without a clouds.yaml.
    public static func password(name: String, authURL: String, username: String, password: String?, projectName: String?,
                                domain: String = "Default", region: String? = nil) -> CloudConfig {
        var auth = Auth()
        auth.authURL = authURL
        auth.username = username
        auth.password = password
        auth.projectName = projectName
        auth.userDomainName = domain
        auth.projectDomainName = domain
        return CloudConfig(name: name, authType: .password, auth: auth, regionName: region)
    }
}

extension CloudConfig {
    /// The same user's credentials scoped to another project it has a role on, as `openstack
    /// --os-project-id` would make them; nil for an application credential, which is bound to its
    /// own project.
    public func rescoped(toProjectID projectID: String) -> CloudConfig? {
        guard authType == .password || authType == .token else { return nil }
        var copy = self
        copy.auth.projectID = projectID
        copy.auth.projectName = nil
        copy.auth.projectDomainName = nil
        copy.auth.projectDomainID = nil
        copy.auth.domainName = nil
        copy.auth.domainID = nil
        copy.auth.systemScope = nil
        return copy
    }
}
