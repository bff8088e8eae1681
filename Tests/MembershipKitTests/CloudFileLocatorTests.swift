import Foundation
import Testing
@testable import MembershipKit

/// Where clouds.yaml, secure.yaml and clouds-public.yaml are looked for (api-facts §8).
@Suite("Cloud file search order")
struct CloudFileLocatorTests {
    @Test("the folders are cwd, XDG_CONFIG_HOME/openstack, ~/.config/openstack, the site folder, /etc/openstack")
    func searchDirectoriesOrder() throws {
        let fixture = try CloudFixture()
        #expect(fixture.locator().searchDirectories == [
            fixture.cwdDirectory, fixture.xdgDirectory, fixture.homeDirectory, fixture.siteDirectory, "/etc/openstack",
        ])
    }

    @Test("without XDG variables the user folder is ~/.config/openstack (listed once) and the site folder /etc/xdg/openstack")
    func searchDirectoriesDefaults() throws {
        let fixture = try CloudFixture()
        let locator = CloudFileLocator(environment: ["HOME": fixture.home], currentDirectory: fixture.cwd)
        #expect(locator.searchDirectories == [fixture.cwd, fixture.homeDirectory, "/etc/xdg/openstack", "/etc/openstack"])
    }

    @Test("a relative XDG_CONFIG_HOME is ignored, as the XDG specification requires")
    func relativeXDGConfigHomeIgnored() throws {
        let fixture = try CloudFixture()
        let locator = fixture.locator(["XDG_CONFIG_HOME": "relative/config"])
        #expect(locator.searchDirectories == [fixture.cwd, fixture.homeDirectory, fixture.siteDirectory, "/etc/openstack"])
    }

    @Test("the first folder that has a clouds file wins: cwd, then XDG_CONFIG_HOME, then HOME, then the site folder")
    func firstFolderWins() throws {
        let fixture = try CloudFixture()
        let cwdFile = try fixture.write(CloudFixture.singleCloud("in-cwd"), to: fixture.cwdDirectory)
        let xdgFile = try fixture.write(CloudFixture.singleCloud("in-xdg"), to: fixture.xdgDirectory)
        let homeFile = try fixture.write(CloudFixture.singleCloud("in-home"), to: fixture.homeDirectory)
        let siteFile = try fixture.write(CloudFixture.singleCloud("in-site"), to: fixture.siteDirectory)

        #expect(fixture.locator().cloudsFile == cwdFile)
        #expect(try fixture.loader().load().name == "in-cwd")

        try FileManager.default.removeItem(atPath: cwdFile)
        #expect(fixture.locator().cloudsFile == xdgFile)
        #expect(try fixture.loader().load().name == "in-xdg")

        try FileManager.default.removeItem(atPath: xdgFile)
        #expect(fixture.locator().cloudsFile == homeFile)
        #expect(try fixture.loader().load().name == "in-home")

        try FileManager.default.removeItem(atPath: homeFile)
        #expect(fixture.locator().cloudsFile == siteFile)
        #expect(try fixture.loader().load().name == "in-site")
    }

    @Test("only the first clouds file is read: clouds from later folders are not merged in")
    func firstFileIsNotMerged() throws {
        let fixture = try CloudFixture()
        try fixture.write(CloudFixture.singleCloud("first"), to: fixture.cwdDirectory)
        try fixture.write(CloudFixture.singleCloud("second"), to: fixture.homeDirectory)
        let loader = fixture.loader()
        #expect(try loader.cloudNames() == ["first"])
        #expect(throws: ConfigurationError.unknownCloud(name: "second", available: ["first"])) {
            try loader.load(cloudName: "second")
        }
    }

    @Test("in one folder .yaml is used before .yml, and .yml before .json")
    func extensionOrder() throws {
        let fixture = try CloudFixture()
        let yaml = try fixture.writeClouds(CloudFixture.singleCloud("from-yaml"), name: "clouds.yaml")
        let yml = try fixture.writeClouds(CloudFixture.singleCloud("from-yml"), name: "clouds.yml")
        let json = try fixture.writeClouds(#"{"clouds": {"from-json": {"auth": {"auth_url": "https://k/v3", "username": "u", "password": "p"}}}}"#,
                                           name: "clouds.json")
        #expect(try fixture.loader().load().name == "from-yaml")
        try FileManager.default.removeItem(atPath: yaml)
        #expect(try fixture.loader().load().name == "from-yml")
        try FileManager.default.removeItem(atPath: yml)
        let cloud = try fixture.loader().load()
        #expect(cloud.name == "from-json")
        #expect(cloud.auth.username == "u")
        #expect(cloud.sourceFiles == [json])
    }

    @Test("folder order beats extension order: cwd/clouds.json wins over ~/.config/openstack/clouds.yaml")
    func folderBeatsExtension() throws {
        let fixture = try CloudFixture()
        let json = try fixture.writeClouds(#"{"clouds": {"json-in-cwd": {"auth": {"auth_url": "https://k/v3"}}}}"#, name: "clouds.json")
        try fixture.write(CloudFixture.singleCloud("yaml-in-home"), to: fixture.homeDirectory)
        #expect(fixture.locator().cloudsFile == json)
        #expect(try fixture.loader().load().name == "json-in-cwd")
    }

    @Test("OS_CLIENT_CONFIG_FILE is used before every folder")
    func clientConfigFileFirst() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("in-cwd"))
        let custom = try fixture.root.write("elsewhere/my-clouds.yaml", CloudFixture.singleCloud("explicit"))
        let loader = fixture.loader(["OS_CLIENT_CONFIG_FILE": custom])
        #expect(loader.locator.cloudsFile == custom)
        let cloud = try loader.load()
        #expect(cloud.name == "explicit")
        #expect(cloud.sourceFiles == [custom])
    }

    @Test("an OS_CLIENT_CONFIG_FILE that does not exist falls back to the search folders")
    func missingClientConfigFileFallsBack() throws {
        let fixture = try CloudFixture()
        let cwdFile = try fixture.writeClouds(CloudFixture.singleCloud("in-cwd"))
        let locator = fixture.locator(["OS_CLIENT_CONFIG_FILE": fixture.root.url("nowhere/clouds.yaml")])
        #expect(locator.cloudsFile == cwdFile)
    }

    @Test("candidates list the override first, then every folder with yaml, yml, json")
    func candidatesOrder() throws {
        let fixture = try CloudFixture()
        let candidates = fixture.locator(["OS_CLIENT_SECURE_FILE": "/x/secret.yaml"])
            .candidates(stem: "secure", overrideVariable: "OS_CLIENT_SECURE_FILE")
        #expect(candidates.first == "/x/secret.yaml")
        #expect(Array(candidates[1...3]) == ["yaml", "yml", "json"].map { fixture.cwd + "/secure." + $0 })
        #expect(candidates.count == 1 + 5 * 3)
        #expect(candidates.last == "/etc/openstack/secure.json")
    }

    @Test("secure.yaml is deep-merged over clouds.yaml: the password lives only in secure.yaml")
    func secureMergedOverClouds() throws {
        let fixture = try CloudFixture()
        let clouds = try fixture.writeClouds("""
            clouds:
              prod:
                auth:
                  auth_url: https://keystone.example.com:5000/v3
                  username: alice
                  project_name: demo
                  user_domain_name: Default
                  project_domain_name: Default
                region_name: RegionOne
            """)
        let secure = try fixture.write("""
            clouds:
              prod:
                auth:
                  password: s3cret
            """, to: fixture.homeDirectory, name: "secure.yaml")
        let cloud = try fixture.loader().load()
        #expect(cloud.name == "prod")
        #expect(cloud.auth.password == "s3cret")
        // The merge is deep: the rest of `auth` and the other keys survive.
        #expect(cloud.auth.username == "alice")
        #expect(cloud.auth.authURL == "https://keystone.example.com:5000/v3")
        #expect(cloud.auth.projectName == "demo")
        #expect(cloud.regionName == "RegionOne")
        #expect(cloud.sourceFiles == [clouds, secure])
    }

    @Test("a value in secure.yaml replaces the same value in clouds.yaml")
    func secureOverridesValue() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("prod"))
        try fixture.write("clouds:\n  prod:\n    auth:\n      password: newer\n", to: fixture.cwdDirectory, name: "secure.yml")
        let cloud = try fixture.loader().load()
        #expect(cloud.auth.password == "newer")
        #expect(cloud.auth.username == "alice")
    }

    @Test("OS_CLIENT_SECURE_FILE is used before the secure files in the folders")
    func clientSecureFileFirst() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("prod"))
        try fixture.write("clouds:\n  prod:\n    auth:\n      password: from-folder\n", to: fixture.cwdDirectory, name: "secure.yaml")
        let explicit = try fixture.root.write("vault/secure.yaml", "clouds:\n  prod:\n    auth:\n      password: from-explicit\n")
        let cloud = try fixture.loader(["OS_CLIENT_SECURE_FILE": explicit]).load()
        #expect(cloud.auth.password == "from-explicit")
        #expect(cloud.sourceFiles.contains(explicit))
    }

    @Test("clouds-public.yaml is found in the same folders")
    func vendorFileFound() throws {
        let fixture = try CloudFixture()
        let vendor = try fixture.write("public-clouds: {}\n", to: fixture.siteDirectory, name: "clouds-public.yaml")
        #expect(fixture.locator().vendorFile == vendor)
        #expect(fixture.locator().cloudsFile == nil)
        #expect(fixture.locator().secureFile == nil)
    }

    @Test("an unreadable clouds.yaml or secure.yaml is skipped with one warning line naming it")
    func unreadableFilesWarn() throws {
        let fixture = try CloudFixture()
        let unreadableClouds = try fixture.write(CloudFixture.singleCloud("in-cwd"), to: fixture.cwdDirectory)
        try fixture.write(CloudFixture.singleCloud("in-home"), to: fixture.homeDirectory)
        let unreadableSecure = try fixture.write("clouds: {}\n", to: fixture.cwdDirectory, name: "secure.yaml")
        // Tests run as root, who can read any file: the locator is told which files it cannot read.
        let sandbox = fixture.root.path + "/"
        let locator = CloudFileLocator(environment: fixture.environment(), currentDirectory: fixture.cwd,
                                       fileExists: { $0.hasPrefix(sandbox) && FileManager.default.fileExists(atPath: $0) },
                                       isReadable: { $0 != unreadableClouds && $0 != unreadableSecure })
        let loader = CloudConfigLoader(locator: locator)
        #expect(try loader.load().name == "in-home")
        #expect(loader.warnings.count == 2, "\(loader.warnings)")
        #expect(loader.warnings.first == "\(unreadableClouds) cannot be read; skipped it", "\(loader.warnings)")
        #expect(loader.warnings.last == "\(unreadableSecure) cannot be read; skipped it", "\(loader.warnings)")
    }

    @Test("readable files give no warning")
    func readableFilesNoWarning() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("in-cwd"))
        #expect(fixture.loader().warnings.isEmpty)
    }
}
