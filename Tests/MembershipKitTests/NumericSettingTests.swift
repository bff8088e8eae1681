import Foundation
import Testing
@testable import MembershipKit

/// Every number memberdeck reads from configuration is finite and in range, refused with the file
/// and line otherwise; and no timeout can crash the conversion to an integer.
@Suite("Numbers in configuration")
struct NumericSettingTests {
    @Test("clouds.yaml api_timeout must be a finite number of seconds up to a day, refused with file and line",
          arguments: ["1e16", "1.0e+16", ".inf", ".nan", "86401", "0", "-1", "soon"])
    func apiTimeout(value: String) throws {
        let fixture = try CloudFixture()
        let path = try fixture.writeClouds(CloudFixture.singleCloud("prod", extra: "    api_timeout: \(value)"))
        let text = #expect(throws: ConfigurationError.self) { try fixture.loader().load(cloudName: "prod") }?.description ?? ""
        #expect(text.contains("clouds.prod.api_timeout"), "\(text)")
        #expect(text.contains("\(path), line 10"), "\(text)")
        #expect(text.contains("at most 86400"), "\(text)")
    }

    @Test("OS_API_TIMEOUT=1e16 is refused naming the variable")
    func apiTimeoutFromEnvironment() throws {
        let fixture = try CloudFixture()
        let loader = fixture.loader(["OS_AUTH_URL": "https://k/v3", "OS_API_TIMEOUT": "1e16"])
        let text = #expect(throws: ConfigurationError.self) { try loader.load() }?.description ?? ""
        #expect(text.contains("environment variable OS_API_TIMEOUT"), "\(text)")
    }

    @Test("a day is still a valid api_timeout")
    func apiTimeoutLimit() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(CloudFixture.singleCloud("prod", extra: "    api_timeout: 86400"))
        #expect(try fixture.loader().load(cloudName: "prod").apiTimeout == 86_400)
    }

    @Test("config.yaml endpoint timeout and password_command_timeout are checked the same way, with their line",
          arguments: ["timeout", "password_command_timeout"], ["1e16", ".inf", "0", "90000"])
    func endpointTimeouts(key: String, value: String) {
        let text = #expect(throws: ConfigurationError.self) {
            try EndpointsFile.parse("""
                endpoints:
                  - name: b
                    kind: bonita
                    url: http://h/bonita
                    username: u
                    password_command: pass show b
                    \(key): \(value)
                """, path: "config.yaml", environment: [:])
        }?.description ?? ""
        #expect(text.contains("config.yaml: line 7"), "\(text)")
        #expect(text.contains("\(key) must be a number of seconds above 0 and at most 86400"), "\(text)")
    }

    @Test("password_command_timeout is read per endpoint")
    func passwordCommandTimeout() throws {
        let file = try EndpointsFile.parse("""
            endpoints:
              - {name: b, kind: bonita, url: http://h/bonita, username: u, password_command: pass show b, password_command_timeout: 2.5}
            """, path: "config.yaml", environment: [:])
        #expect(try file.endpoint(named: "b").passwordCommandTimeout == 2.5)
    }

    @Test("a request with a huge timeout fails normally instead of crashing the conversion to milliseconds")
    func hugeTimeoutDoesNotCrash() async throws {
        let transport = try AsyncHTTPTransport(settings: .init(connectTimeout: 1e16))
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        await #expect(throws: MembershipError.self) {
            _ = try await transport.send(HTTPRequestSpec(method: "GET", url: "http://127.0.0.1:9/"), timeout: 1e16)
        }
    }
}
