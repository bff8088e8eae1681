import Foundation
import MembershipKit
import Testing

@Suite("Endpoints in config.yaml")
struct EndpointsFileTests {
    func parse(_ text: String, environment: [String: String] = [:]) throws -> EndpointsFile {
        try EndpointsFile.parse(text, path: "config.yaml", environment: environment)
    }

    @Test("a list with names and a mapping by name both work; kind defaults to glance")
    func forms() throws {
        let list = try parse("""
            endpoints:
              - name: prod
                cloud: prod
              - name: atmo
                kind: atmosphere
                url: https://atmo.example.org
                token: abc
            """)
        #expect(list.endpoints.map(\.name) == ["prod", "atmo"])
        #expect(list.endpoints[0].kind == .glance)
        #expect(list.endpoints[1].token == .literal("abc"))
        let map = try parse("""
            endpoints:
              bpm:
                kind: bonita
                url: http://localhost:8080/bonita
                username: walter.bates
                password_command: pass show bonita
                timeout: 20
                insecure: true
            """)
        let bonita = try map.endpoint(named: "bpm")
        #expect(bonita.password == .command("pass show bonita"))
        #expect(bonita.timeout == 20)
        #expect(bonita.tls.verify == false)
        #expect(!bonita.literalSecret)
    }

    @Test("${VAR} comes from the environment; an unset one is an error with its line")
    func environmentReferences() throws {
        let text = """
            endpoints:
              - name: atmo
                kind: atmosphere
                url: https://atmo.example.org
                token: ${ATMO_TOKEN}
            """
        let file = try parse(text, environment: ["ATMO_TOKEN": "t0k"])
        #expect(file.endpoints[0].token == .literal("t0k"))
        #expect(!file.endpoints[0].literalSecret)
        #expect(throws: ConfigurationError.malformedFile(path: "config.yaml", detail: "line 5: ${ATMO_TOKEN} is not set in the environment")) {
            try parse(text)
        }
    }

    @Test("mistakes are reported with the line", arguments: [
        ("endpoints:\n  - name: x\n    kind: ldap\n    url: u\n", "line 3: unknown kind 'ldap' for endpoint x (kinds: glance, glance-v1, rackspace, atmosphere, bonita)"),
        ("endpoints:\n  - name: x\n    colour: red\n", "line 3: unknown endpoint setting 'colour'"),
        ("endpoints:\n  - kind: bonita\n", "line 2: an endpoint needs a name"),
        ("endpoints:\n  - name: a\n    kind: atmosphere\n", "needs url"),
        ("endpoints:\n  - name: b\n    kind: bonita\n    url: http://h/bonita\n", "needs username with password"),
        ("endpoints:\n  - name: o\n    kind: glance-v1\n    url: http://h:9292\n", "needs cloud (from clouds.yaml) or auth_url"),
        ("endpoints:\n  - name: a\n    cloud: c\n  - name: a\n    cloud: d\n", "a second endpoint is named 'a'"),
        ("endpoints:\n  - name: a\n    cloud: c\n    timeout: soon\n", "timeout must be a number"),
    ])
    func mistakes(text: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("expected an error containing \(message)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test("an unknown endpoint name lists the configured ones")
    func unknownName() throws {
        let file = try parse("endpoints:\n  - name: prod\n    cloud: prod\n")
        #expect(throws: ConfigurationError.invalidValue(key: "--endpoint", detail: "no endpoint named 'qa' (configured: prod)")) {
            try file.endpoint(named: "qa")
        }
    }

    @Test("a readable file holding a literal secret gets a warning; 0600 or ${VAR} does not")
    func secretWarning() throws {
        let directory = NSTemporaryDirectory() + "md-endpoints-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/config.yaml"
        try "endpoints:\n  - name: b\n    kind: bonita\n    url: http://h/bonita\n    username: u\n    password: hunter2\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let open = try EndpointsFile.load(path: path, environment: [:])
        #expect(open.warnings.count == 1)
        #expect(open.warnings.first?.contains("chmod 600") == true)
        #expect(open.warnings.first?.contains("hunter2") == false)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try EndpointsFile.load(path: path, environment: [:]).warnings.isEmpty)
        #expect(try EndpointsFile.load(path: directory + "/missing.yaml", environment: [:]).endpoints.isEmpty)
    }

    @Test("password_command: the first line of its output; a failing command names its exit and message")
    func passwordCommand() throws {
        #expect(try SecretResolver.resolve(.command("printf 's3cret\\nsecond line'"), what: "password_command") == "s3cret")
        do {
            _ = try SecretResolver.resolve(.command("echo nope >&2; exit 3"), what: "password_command of endpoint b")
            Issue.record("expected a failure")
        } catch {
            #expect("\(error)" == "invalid value for password_command of endpoint b: `echo nope >&2; exit 3` failed with exit status 3: nope")
        }
    }
}
