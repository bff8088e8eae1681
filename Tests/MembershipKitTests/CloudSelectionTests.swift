import Foundation
import Testing
@testable import MembershipKit

/// Which cloud is used: --os-cloud, OS_CLOUD, the `envvars` cloud, the only cloud (api-facts §8, §10.17).
@Suite("Cloud selection and the envvars cloud")
struct CloudSelectionTests {
    static let twoClouds = """
        clouds:
          alpha:
            auth:
              auth_url: https://alpha.example.com:5000/v3
              username: alice
              password: alpha-pw
              project_name: demo
            region_name: AlphaRegion
          beta:
            auth:
              auth_url: https://beta.example.com:5000/v3
              username: bob
              password: beta-pw
              project_name: demo
            region_name: BetaRegion
        """

    static let credentials: [String: String] = [
        "OS_AUTH_URL": "https://env.example.com:5000/v3",
        "OS_USERNAME": "envuser",
        "OS_PASSWORD": "envpass",
        "OS_PROJECT_NAME": "envproject",
        "OS_USER_DOMAIN_NAME": "EnvUsers",
        "OS_PROJECT_DOMAIN_NAME": "EnvProjects",
    ]

    @Test("a file with one cloud and no selection uses that cloud")
    func singleCloudIsDefault() throws {
        let fixture = try CloudFixture()
        let path = try fixture.writeClouds(CloudFixture.singleCloud("only"))
        let cloud = try fixture.loader().load()
        #expect(cloud.name == "only")
        #expect(cloud.authType == .password)
        #expect(cloud.auth.authURL == "https://keystone.example.com:5000/v3")
        #expect(cloud.auth.password == "from-only")
        #expect(cloud.sourceFiles == [path])
    }

    @Test("several clouds and no selection is ConfigurationError.cloudNotChosen naming the clouds")
    func severalCloudsNeedSelection() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        guard case let .cloudNotChosen(available) = error else {
            Issue.record("expected cloudNotChosen, got \(String(describing: error))")
            return
        }
        #expect(Set(available) == ["alpha", "beta"])
        #expect(error?.description == "missing cloud: several clouds are configured (\(available.joined(separator: ", "))); choose one with --os-cloud or OS_CLOUD")
    }

    @Test("an empty OS_CLOUD counts as unset")
    func emptyOSCloudIsUnset() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader(["OS_CLOUD": ""]).load() }
        guard case .cloudNotChosen = error else {
            Issue.record("expected cloudNotChosen, got \(String(describing: error))")
            return
        }
    }

    @Test("no clouds file and no OS_* credentials is ConfigurationError.noCloud listing the folders searched")
    func nothingConfigured() throws {
        let fixture = try CloudFixture()
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        guard case let .noCloud(searched) = error else {
            Issue.record("expected noCloud, got \(String(describing: error))")
            return
        }
        #expect(searched.first == fixture.cwd)
    }

    @Test("OS_CLOUD selects the cloud")
    func osCloudSelects() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let cloud = try fixture.loader(["OS_CLOUD": "beta"]).load()
        #expect(cloud.name == "beta")
        #expect(cloud.auth.username == "bob")
        #expect(cloud.regionName == "BetaRegion")
    }

    @Test("--os-cloud (the cloudName argument) beats OS_CLOUD")
    func argumentBeatsOSCloud() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let cloud = try fixture.loader(["OS_CLOUD": "beta"]).load(cloudName: "alpha")
        #expect(cloud.name == "alpha")
        #expect(cloud.auth.username == "alice")
    }

    @Test("an unknown cloud is ConfigurationError.unknownCloud listing the available names")
    func unknownCloud() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader(["OS_CLOUD": "gamma"]).load() }
        #expect(error == .unknownCloud(name: "gamma", available: ["alpha", "beta"]))
        let text = error?.description ?? ""
        #expect(text.contains("gamma"))
        #expect(text.contains("alpha"))
        #expect(text.contains("beta"))
    }

    @Test("OS_* credentials form the envvars cloud, with the keys lower-cased and moved into auth")
    func envvarsCloud() throws {
        let fixture = try CloudFixture()
        var environment = Self.credentials
        environment["OS_REGION_NAME"] = "EnvRegion"
        environment["OS_INTERFACE"] = "internal"
        environment["OS_IDENTITY_API_VERSION"] = "3"
        let cloud = try fixture.loader(environment).load()
        #expect(cloud.name == "envvars")
        #expect(cloud.authType == .password)
        #expect(cloud.auth.authURL == "https://env.example.com:5000/v3")
        #expect(cloud.auth.username == "envuser")
        #expect(cloud.auth.password == "envpass")
        #expect(cloud.auth.projectName == "envproject")
        #expect(cloud.auth.userDomainName == "EnvUsers")
        #expect(cloud.auth.projectDomainName == "EnvProjects")
        #expect(cloud.regionName == "EnvRegion")
        #expect(cloud.interface == "internal")
        #expect(cloud.sourceFiles.isEmpty)
    }

    @Test("environmentCloud maps OS_X to the key x")
    func environmentCloudKeys() throws {
        let fixture = try CloudFixture()
        let raw = try #require(fixture.loader(["OS_USERNAME": "u", "OS_PROJECT_ID": "p1", "OS_AUTH_TYPE": "v3password"]).environmentCloud())
        #expect(raw["username"] == .string("u"))
        #expect(raw["project_id"] == .string("p1"))
        #expect(raw["auth_type"] == .string("v3password"))
        #expect(raw["OS_USERNAME"] == nil)
    }

    @Test("without OS_CLOUD the envvars cloud is the default even when clouds.yaml has a single cloud")
    func envvarsBeatsSingleFileCloud() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("filecloud"))
        let loader = fixture.loader(Self.credentials)
        #expect(try loader.cloudNames() == ["filecloud", "envvars"])
        let cloud = try loader.load()
        #expect(cloud.name == "envvars")
        #expect(cloud.auth.username == "envuser")
    }

    @Test("a single non-selector variable (OS_USERNAME) is enough to make envvars the default")
    func oneVariableMakesEnvvars() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("filecloud"))
        let cloud = try fixture.loader(["OS_USERNAME": "someone"]).load()
        #expect(cloud.name == "envvars")
        #expect(cloud.auth.username == "someone")
    }

    @Test("only the selector variables set: no envvars cloud, the file cloud is used")
    func selectorsAloneMakeNoEnvvars() throws {
        let fixture = try CloudFixture()
        let clouds = try fixture.root.write("conf/clouds.yaml", CloudFixture.singleCloud("filecloud"))
        let selectors = [
            "OS_CLOUD": "filecloud",
            "OS_REGION_NAME": "SomeRegion",
            "OS_CLIENT_CONFIG_FILE": clouds,
            "OS_CLIENT_SECURE_FILE": fixture.root.url("conf/none.yaml"),
            "OS_CLOUD_NAME": "renamed",
        ]
        let loader = fixture.loader(selectors)
        #expect(loader.environmentCloud() == nil)
        #expect(try loader.cloudNames() == ["filecloud"])
        #expect(try loader.load().name == "filecloud")
    }

    @Test("OS_REGION_NAME alone does not create envvars, and without OS_CLOUD the only file cloud is chosen", arguments: [
        ["OS_REGION_NAME": "R"], ["OS_CLOUD_NAME": "x"], ["OS_CLIENT_SECURE_FILE": "/nonexistent/secure.yaml"],
    ])
    func eachSelectorAlone(environment: [String: String]) throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("filecloud"))
        let loader = fixture.loader(environment)
        #expect(loader.environmentCloud() == nil)
        #expect(try loader.load().name == "filecloud")
    }

    @Test("OS_CLOUD_NAME renames the envvars cloud")
    func cloudNameRenames() throws {
        let fixture = try CloudFixture()
        var environment = Self.credentials
        environment["OS_CLOUD_NAME"] = "from-env"
        let loader = fixture.loader(environment)
        #expect(loader.envvarsCloudName == "from-env")
        #expect(try loader.cloudNames() == ["from-env"])
        let cloud = try loader.load()
        #expect(cloud.name == "from-env")
        #expect(cloud.auth.username == "envuser")
    }

    @Test("OS_TEST*, OS_STD* and OS_LOG* are ignored: they neither create envvars nor become keys")
    func testStdLogIgnored() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("filecloud"))
        let noise = ["OS_TEST_TIMEOUT": "60", "OS_STDOUT_CAPTURE": "1", "OS_STDERR_CAPTURE": "1", "OS_LOG_CAPTURE": "1"]
        let loader = fixture.loader(noise)
        #expect(loader.environmentCloud() == nil)
        #expect(try loader.load().name == "filecloud")

        var withUser = noise
        withUser["OS_USERNAME"] = "u"
        let raw = try #require(fixture.loader(withUser).environmentCloud())
        #expect(raw["username"] == .string("u"))
        #expect(raw["test_timeout"] == nil)
        #expect(raw["stdout_capture"] == nil)
        #expect(raw["stderr_capture"] == nil)
        #expect(raw["log_capture"] == nil)
    }

    @Test("variables without the OS_ prefix are ignored")
    func otherVariablesIgnored() throws {
        let fixture = try CloudFixture()
        let loader = fixture.loader(["PATH": "/bin", "USER": "x", "OSX_THING": "y"])
        #expect(loader.environmentCloud() == nil)
    }

    @Test("with OS_CLOUD set, OS_PASSWORD and OS_REGION_NAME do not change the file cloud")
    func osCloudIgnoresOtherVariables() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let cloud = try fixture.loader(["OS_CLOUD": "alpha", "OS_PASSWORD": "env-password", "OS_REGION_NAME": "EnvRegion"]).load()
        #expect(cloud.name == "alpha")
        #expect(cloud.auth.password == "alpha-pw")
        #expect(cloud.regionName == "AlphaRegion")
    }

    @Test("OS_CLOUD can select the envvars cloud by name")
    func osCloudSelectsEnvvars() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        var environment = Self.credentials
        environment["OS_CLOUD"] = "envvars"
        let cloud = try fixture.loader(environment).load()
        #expect(cloud.name == "envvars")
        #expect(cloud.auth.username == "envuser")
    }

    @Test("--os-cloud picks a file cloud even when OS_* credentials are set")
    func argumentBeatsEnvvars() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.twoClouds)
        let cloud = try fixture.loader(Self.credentials).load(cloudName: "beta")
        #expect(cloud.name == "beta")
        #expect(cloud.auth.username == "bob")
        #expect(cloud.auth.password == "beta-pw")
    }

    @Test("malformed YAML is ConfigurationError.malformedFile naming the path and the line")
    func malformedYAML() throws {
        let fixture = try CloudFixture()
        let path = try fixture.writeClouds("""
            clouds:
              prod:
                auth: {auth_url: https://k/v3
                region_name: RegionOne
            """)
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        guard case let .malformedFile(errorPath, _) = error else {
            Issue.record("expected malformedFile, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        let text = error?.description ?? ""
        #expect(text.contains(path))
        #expect(text.contains("line "))
    }

    @Test("the line reported for malformed YAML is the line of the mistake (1-based)")
    func malformedYAMLLineNumber() throws {
        let fixture = try CloudFixture()
        // Line 4 has a second `:` in a plain scalar, which YAML forbids.
        try fixture.writeClouds("clouds:\n  prod:\n    auth:\n      username: alice: bob\n")
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        let text = error?.description ?? ""
        #expect(text.contains("line 4"), "\(text)")
    }

    @Test("a clouds file whose top level is not a mapping is malformed")
    func topLevelNotMapping() throws {
        let fixture = try CloudFixture()
        let path = try fixture.writeClouds("- one\n- two\n")
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        guard case let .malformedFile(errorPath, detail) = error else {
            Issue.record("expected malformedFile, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(detail.contains("line 1"))
    }

    @Test("a malformed secure.yaml is reported with its own path")
    func malformedSecureFile() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("prod"))
        let secure = try fixture.write("clouds: [unclosed\n", to: fixture.homeDirectory, name: "secure.yaml")
        let error = #expect(throws: ConfigurationError.self) { try fixture.loader().load() }
        guard case let .malformedFile(errorPath, _) = error else {
            Issue.record("expected malformedFile, got \(String(describing: error))")
            return
        }
        #expect(errorPath == secure)
    }

    @Test("an empty clouds file is no cloud at all")
    func emptyFile() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds("")
        #expect(try fixture.loader().cloudNames().isEmpty)
        #expect(try fixture.loader(Self.credentials).load().name == "envvars")
    }
}
