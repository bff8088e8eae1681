import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Testing

/// A command asks its loader for its cloud, the other clouds' names and their projects: each file is
/// read and parsed once for the life of the loader (a one-shot command read clouds.yaml three times).
@Suite("clouds.yaml read once per loader")
struct CloudConfigReadOnceTests {
    @Test("clouds.yaml and secure.yaml are each read once however often the loader is asked")
    func eachFileReadOnce() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("alpha") + "\n  beta:\n    auth:\n      auth_url: https://b.example.com/v3\n")
        try fixture.write("clouds:\n  alpha:\n    auth:\n      password: secret-alpha\n", to: fixture.cwd, name: "secure.yaml")
        let reads = NIOLockedValueBox<[String]>([])
        let loader = CloudConfigLoader(locator: fixture.locator(), readFile: { path in
            reads.withLockedValue { $0.append((path as NSString).lastPathComponent) }
            return try String(contentsOfFile: path, encoding: .utf8)
        })
        #expect(try loader.cloudNames() == ["alpha", "beta"])
        #expect(try loader.load(cloudName: "alpha").name == "alpha")
        _ = try loader.allClouds()
        #expect(reads.withLockedValue { $0 }.sorted() == ["clouds.yaml", "secure.yaml"])
    }

    @Test("a malformed file gives its error each time it is asked, and is not read again")
    func errorRemembered() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds("clouds: [unclosed\n")
        let reads = NIOLockedValueBox(0)
        let loader = CloudConfigLoader(locator: fixture.locator(), readFile: { path in
            reads.withLockedValue { $0 += 1 }
            return try String(contentsOfFile: path, encoding: .utf8)
        })
        let first = #expect(throws: ConfigurationError.self) { try loader.cloudNames() }
        let second = #expect(throws: ConfigurationError.self) { try loader.load(cloudName: "alpha") }
        #expect(first?.description == second?.description)
        #expect(first?.description.contains("clouds.yaml") == true)
        #expect(reads.withLockedValue { $0 } == 1)
    }
}
