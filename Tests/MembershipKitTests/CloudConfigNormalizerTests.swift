import Foundation
import Testing
@testable import MembershipKit

/// openstacksdk's renames and defaults applied to one cloud (api-facts §8), exercised through `CloudConfigLoader.load`.
@Suite("Cloud keys: regions, interface, TLS, auth")
struct CloudConfigNormalizerTests {
    /// Loads the single cloud `test` whose body (indented under the cloud) is `body`.
    private func load(_ body: String, environment: [String: String] = [:], region: String? = nil,
                      label: String = #function) throws -> CloudConfig {
        let fixture = try CloudFixture(label)
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        try fixture.writeClouds("clouds:\n  test:\n" + indented + "\n")
        return try fixture.loader(environment).load(regionName: region)
    }

    /// Loads the envvars cloud built from `environment`.
    private func loadEnvironment(_ environment: [String: String], label: String = #function) throws -> CloudConfig {
        try CloudFixture(label).loader(environment).load()
    }

    private static let auth = """
        auth:
          auth_url: https://keystone.example.com/v3
          username: alice
          password: pw
          project_name: demo
        """

    // MARK: Regions

    @Test("region_name is used as the region")
    func regionName() throws {
        #expect(try load(Self.auth + "\nregion_name: RegionTwo").regionName == "RegionTwo")
    }

    @Test("no region at all leaves regionName nil")
    func noRegion() throws {
        #expect(try load(Self.auth).regionName == nil)
    }

    @Test("the first entry of regions is the default region")
    func regionsFirstIsDefault() throws {
        let cloud = try load(Self.auth + "\nregions:\n  - RegionOne\n  - RegionTwo")
        #expect(cloud.regionName == "RegionOne")
    }

    @Test("the region argument (--os-region-name) picks another listed region")
    func regionArgument() throws {
        let cloud = try load(Self.auth + "\nregions:\n  - RegionOne\n  - RegionTwo", region: "RegionTwo")
        #expect(cloud.regionName == "RegionTwo")
    }

    @Test("region_name beside regions is used when it is one of them")
    func regionNameAmongRegions() throws {
        let cloud = try load(Self.auth + "\nregion_name: RegionTwo\nregions:\n  - RegionOne\n  - RegionTwo")
        #expect(cloud.regionName == "RegionTwo")
    }

    @Test("a region argument that is not in regions is an invalid value listing the valid regions")
    func invalidRegionArgument() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try load(Self.auth + "\nregions:\n  - RegionOne\n  - RegionTwo", region: "RegionNine")
        }
        guard case let .invalidValue(key, detail) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(key.hasSuffix("region_name"))
        #expect(detail.contains("RegionNine"))
        #expect(detail.contains("RegionOne, RegionTwo"))
    }

    @Test("the region argument is free when the cloud lists no regions")
    func regionArgumentWithoutList() throws {
        let cloud = try load(Self.auth + "\nregion_name: RegionOne", region: "Elsewhere")
        #expect(cloud.regionName == "Elsewhere")
    }

    @Test("per-region values apply to the chosen region only")
    func perRegionValues() throws {
        let body = Self.auth + """

            regions:
              - name: east
                values:
                  interface: internal
                  image_endpoint_override: https://east.example.com:9292
              - name: west
            """
        let east = try load(body)
        #expect(east.regionName == "east")
        #expect(east.interface == "internal")
        #expect(east.imageEndpointOverride == "https://east.example.com:9292")

        let west = try load(body, region: "west")
        #expect(west.regionName == "west")
        #expect(west.interface == "public")
        #expect(west.imageEndpointOverride == nil)
    }

    @Test("OS_REGION_NAME is the region of the envvars cloud")
    func envRegion() throws {
        let cloud = try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_REGION_NAME": "EnvRegion"])
        #expect(cloud.regionName == "EnvRegion")
    }

    // MARK: Interface

    @Test("the interface defaults to public")
    func interfaceDefault() throws {
        #expect(try load(Self.auth).interface == "public")
    }

    @Test("interface and endpoint_type values, with and without the URL suffix", arguments: [
        ("interface: internal", "internal"),
        ("interface: admin", "admin"),
        ("interface: publicURL", "public"),
        ("endpoint_type: internalURL", "internal"),
        ("endpoint_type: adminURL", "admin"),
        ("interface: INTERNAL", "internal"),
    ])
    func interfaceForms(line: String, expected: String) throws {
        #expect(try load(Self.auth + "\n" + line).interface == expected)
    }

    @Test("image_interface wins over interface and endpoint_type")
    func imageInterfaceWins() throws {
        let cloud = try load(Self.auth + "\ninterface: admin\nendpoint_type: publicURL\nimage_interface: internal")
        #expect(cloud.interface == "internal")
    }

    @Test("an interface that is not public, internal or admin is an invalid value")
    func invalidInterface() throws {
        let error = #expect(throws: ConfigurationError.self) { try load(Self.auth + "\ninterface: private") }
        guard case .invalidValue = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
    }

    // MARK: Auth

    @Test("tenant_name and tenant_id become project_name and project_id")
    func tenantRenamed() throws {
        let cloud = try load("""
            auth:
              auth_url: https://k/v3
              username: u
              password: p
              tenant_name: legacy
              tenant_id: 0123abcd
            """)
        #expect(cloud.auth.projectName == "legacy")
        #expect(cloud.auth.projectID == "0123abcd")
    }

    @Test("project_name wins over tenant_name")
    func projectNameBeatsTenant() throws {
        let cloud = try load("auth:\n  auth_url: https://k/v3\n  project_name: modern\n  tenant_name: legacy")
        #expect(cloud.auth.projectName == "modern")
    }

    @Test("OS_TENANT_NAME becomes the project name of the envvars cloud")
    func envTenantName() throws {
        let cloud = try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_TENANT_NAME": "legacy"])
        #expect(cloud.auth.projectName == "legacy")
    }

    @Test("domain_name fills the user and project domains when the scope is a project")
    func domainNameFillsBoth() throws {
        let cloud = try load("""
            auth:
              auth_url: https://k/v3
              username: u
              password: p
              project_name: demo
              domain_name: Corp
            """)
        #expect(cloud.auth.userDomainName == "Corp")
        #expect(cloud.auth.projectDomainName == "Corp")
        // It is not also a domain scope.
        #expect(cloud.auth.domainName == nil)
    }

    @Test("domain_id fills the user and project domain ids when the scope is a project")
    func domainIDFillsBoth() throws {
        let cloud = try load("auth:\n  auth_url: https://k/v3\n  username: u\n  password: p\n  project_id: p1\n  domain_id: d1")
        #expect(cloud.auth.userDomainID == "d1")
        #expect(cloud.auth.projectDomainID == "d1")
        #expect(cloud.auth.domainID == nil)
    }

    @Test("explicit user_domain_name is kept while domain_name fills the project domain")
    func explicitDomainKept() throws {
        let cloud = try load("""
            auth:
              auth_url: https://k/v3
              username: u
              password: p
              project_name: demo
              user_domain_name: Users
              domain_name: Corp
            """)
        #expect(cloud.auth.userDomainName == "Users")
        #expect(cloud.auth.projectDomainName == "Corp")
    }

    @Test("without a project, domain_name stays a domain scope")
    func domainScope() throws {
        let cloud = try load("auth:\n  auth_url: https://k/v3\n  username: u\n  password: p\n  domain_name: Corp")
        #expect(cloud.auth.domainName == "Corp")
        #expect(cloud.auth.projectDomainName == nil)
    }

    @Test("auth keys at the top level of a cloud (the OS_* form) move into auth without overriding it")
    func topLevelAuthKeys() throws {
        let cloud = try load("username: top\nproject_id: p9\nauth:\n  auth_url: https://k/v3\n  username: inner")
        #expect(cloud.auth.username == "inner")
        #expect(cloud.auth.projectID == "p9")
    }

    @Test("auth_type values", arguments: [
        (nil, CloudConfig.AuthType.password),
        ("password", .password),
        ("v3password", .password),
        ("v3applicationcredential", .applicationCredential),
        ("token", .token),
        ("v3token", .token),
        ("none", .none),
    ] as [(String?, CloudConfig.AuthType)])
    func authTypes(value: String?, expected: CloudConfig.AuthType) throws {
        let line = value.map { "\nauth_type: \($0)" } ?? ""
        #expect(try load(Self.auth + line).authType == expected)
    }

    @Test("an application credential cloud keeps its id and secret")
    func applicationCredential() throws {
        let cloud = try load("""
            auth_type: v3applicationcredential
            auth:
              auth_url: https://k/v3
              application_credential_id: ac-123
              application_credential_secret: ac-secret
            """)
        #expect(cloud.authType == .applicationCredential)
        #expect(cloud.auth.applicationCredentialID == "ac-123")
        #expect(cloud.auth.applicationCredentialSecret == "ac-secret")
    }

    @Test("a token cloud keeps its token; OS_AUTH_TYPE and OS_TOKEN make one from the environment")
    func tokenCloud() throws {
        let file = try load("auth_type: token\nauth:\n  auth_url: https://k/v3\n  token: tok-1\n  project_id: p1")
        #expect(file.authType == .token)
        #expect(file.auth.token == "tok-1")
        let env = try loadEnvironment(["OS_AUTH_TYPE": "v3token", "OS_TOKEN": "tok-2", "OS_AUTH_URL": "https://k/v3"])
        #expect(env.authType == .token)
        #expect(env.auth.token == "tok-2")
    }

    @Test("OS_AUTH_TYPE=v3applicationcredential with OS_APPLICATION_CREDENTIAL_* makes an application credential cloud")
    func envApplicationCredential() throws {
        let cloud = try loadEnvironment([
            "OS_AUTH_TYPE": "v3applicationcredential", "OS_AUTH_URL": "https://k/v3",
            "OS_APPLICATION_CREDENTIAL_ID": "ac-9", "OS_APPLICATION_CREDENTIAL_SECRET": "s-9",
        ])
        #expect(cloud.authType == .applicationCredential)
        #expect(cloud.auth.applicationCredentialID == "ac-9")
        #expect(cloud.auth.applicationCredentialSecret == "s-9")
    }

    @Test("OS_ENDPOINT_TYPE=internalURL is the internal interface")
    func envEndpointType() throws {
        #expect(try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_ENDPOINT_TYPE": "internalURL"]).interface == "internal")
    }

    @Test("OS_DOMAIN_NAME fills both domains of a project-scoped envvars cloud")
    func envDomainName() throws {
        let cloud = try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_USERNAME": "u", "OS_PROJECT_NAME": "p", "OS_DOMAIN_NAME": "Corp"])
        #expect(cloud.auth.userDomainName == "Corp")
        #expect(cloud.auth.projectDomainName == "Corp")
    }

    @Test("an unsupported auth_type is an invalid value")
    func unsupportedAuthType() throws {
        let error = #expect(throws: ConfigurationError.self) { try load(Self.auth + "\nauth_type: v3oidcpassword") }
        guard case let .invalidValue(key, _) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(key.hasSuffix("auth_type"))
    }

    @Test("system_scope is kept")
    func systemScope() throws {
        let cloud = try load("auth:\n  auth_url: https://k/v3\n  username: u\n  password: p\n  system_scope: all")
        #expect(cloud.auth.systemScope == "all")
    }

    // MARK: TLS

    @Test("TLS verification is on by default")
    func verifyDefault() throws {
        let tls = try load(Self.auth).tls
        #expect(tls.verify)
        #expect(tls.caCertPath == nil)
    }

    @Test("insecure: true turns verification off, even with verify: true and a cacert")
    func insecureWins() throws {
        let tls = try load(Self.auth + "\nverify: true\ncacert: /etc/ssl/private-ca.pem\ninsecure: true").tls
        #expect(tls.verify == false)
    }

    @Test("insecure: false keeps verification on")
    func insecureFalse() throws {
        #expect(try load(Self.auth + "\ninsecure: false").tls.verify)
    }

    @Test("OS_INSECURE=true (a string) turns verification off")
    func envInsecure() throws {
        let cloud = try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_INSECURE": "true"])
        #expect(cloud.tls.verify == false)
    }

    @Test("OS_INSECURE=false (a string) keeps verification on")
    func envInsecureFalse() throws {
        let cloud = try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_INSECURE": "false"])
        #expect(cloud.tls.verify)
    }

    @Test("verify: false (a YAML boolean) turns verification off")
    func verifyFalse() throws {
        #expect(try load(Self.auth + "\nverify: false").tls.verify == false)
    }

    @Test("OS_VERIFY=false stays a string and is refused as an invalid value, not used as a CA path")
    func envVerifyFalse() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_VERIFY": "false"])
        }
        guard case let .invalidValue(key, detail) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(key == "clouds.envvars.verify")
        #expect(detail.contains("insecure"))
    }

    @Test("cacert is kept as the CA bundle path with verification on")
    func cacertKept() throws {
        let tls = try load(Self.auth + "\ncacert: /etc/ssl/private-ca.pem").tls
        #expect(tls.verify)
        #expect(tls.caCertPath == "/etc/ssl/private-ca.pem")
    }

    @Test("a string verify is a CA bundle path, as in requests")
    func verifyPath() throws {
        let tls = try load(Self.auth + "\nverify: /etc/ssl/bundle.pem").tls
        #expect(tls.verify)
        #expect(tls.caCertPath == "/etc/ssl/bundle.pem")
    }

    @Test("cert and key are kept as client certificate paths")
    func clientCertificate() throws {
        let tls = try load(Self.auth + "\ncert: /etc/ssl/client.pem\nkey: /etc/ssl/client.key").tls
        #expect(tls.clientCertPath == "/etc/ssl/client.pem")
        #expect(tls.clientKeyPath == "/etc/ssl/client.key")
    }

    @Test("an insecure value that is not a boolean is an invalid value")
    func insecureGarbage() throws {
        #expect(throws: ConfigurationError.self) {
            try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_INSECURE": "perhaps"])
        }
    }

    // MARK: Other keys

    @Test("api_timeout is read as seconds from YAML numbers and from OS_API_TIMEOUT")
    func apiTimeout() throws {
        #expect(try load(Self.auth + "\napi_timeout: 30").apiTimeout == 30)
        #expect(try load(Self.auth + "\napi_timeout: 2.5").apiTimeout == 2.5)
        #expect(try load(Self.auth).apiTimeout == nil)
        #expect(try loadEnvironment(["OS_AUTH_URL": "https://k/v3", "OS_API_TIMEOUT": "45"]).apiTimeout == 45)
    }

    @Test("a non-positive or non-numeric api_timeout is an invalid value", arguments: ["0", "-5", "soon"])
    func badAPITimeout(value: String) throws {
        #expect(throws: ConfigurationError.self) { try load(Self.auth + "\napi_timeout: \(value)") }
    }

    @Test("image_endpoint_override is kept as given")
    func imageEndpointOverride() throws {
        let cloud = try load(Self.auth + "\nimage_endpoint_override: https://glance.example.com:9292/")
        #expect(cloud.imageEndpointOverride == "https://glance.example.com:9292/")
    }

    @Test("identity_api_version 3 and image_api_version 2 are accepted, others refused")
    func apiVersions() throws {
        _ = try load(Self.auth + "\nidentity_api_version: 3\nimage_api_version: 2")
        #expect(throws: ConfigurationError.self) { try load(Self.auth + "\nidentity_api_version: 2.0") }
        #expect(throws: ConfigurationError.self) { try load(Self.auth + "\nimage_api_version: 1") }
    }

    // MARK: Vendor profiles

    private static let vendorFile = """
        public-clouds:
          acme:
            auth:
              auth_url: https://identity.acme.example/v3
              user_domain_name: AcmeUsers
            region_name: ACME-1
            interface: internal
            image_endpoint_override: https://images.acme.example
        """

    @Test("profile: takes the vendor's settings from clouds-public.yaml, and the cloud's own keys win")
    func profileMerged() throws {
        let fixture = try CloudFixture()
        let clouds = try fixture.writeClouds("""
            clouds:
              mine:
                profile: acme
                auth:
                  username: bob
                  password: pw
                  project_name: p
                interface: public
            """)
        let vendor = try fixture.write(Self.vendorFile, to: fixture.homeDirectory, name: "clouds-public.yaml")
        let cloud = try fixture.loader().load()
        #expect(cloud.name == "mine")
        #expect(cloud.auth.authURL == "https://identity.acme.example/v3")
        #expect(cloud.auth.userDomainName == "AcmeUsers")
        #expect(cloud.auth.username == "bob")
        #expect(cloud.regionName == "ACME-1")
        #expect(cloud.imageEndpointOverride == "https://images.acme.example")
        #expect(cloud.interface == "public")
        #expect(cloud.sourceFiles == [clouds, vendor])
    }

    @Test("the old key cloud: also names a vendor profile")
    func cloudKeyIsProfile() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds("clouds:\n  mine:\n    cloud: acme\n    auth:\n      username: bob\n")
        try fixture.write(Self.vendorFile, to: fixture.cwdDirectory, name: "clouds-public.yaml")
        let cloud = try fixture.loader().load()
        #expect(cloud.auth.authURL == "https://identity.acme.example/v3")
        #expect(cloud.regionName == "ACME-1")
    }

    @Test("a profile missing from clouds-public.yaml leaves the cloud as it is")
    func unknownProfile() throws {
        let fixture = try CloudFixture()
        let clouds = try fixture.writeClouds("clouds:\n  mine:\n    profile: nobody\n    auth:\n      auth_url: https://k/v3\n")
        try fixture.write(Self.vendorFile, to: fixture.cwdDirectory, name: "clouds-public.yaml")
        let cloud = try fixture.loader().load()
        #expect(cloud.auth.authURL == "https://k/v3")
        #expect(cloud.regionName == nil)
        #expect(cloud.sourceFiles == [clouds])
    }
}
