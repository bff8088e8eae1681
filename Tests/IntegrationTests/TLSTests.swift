import Foundation
import MembershipKit
import Testing

/// TLS against a real TLS server (`openssl s_server` with a self-signed certificate):
/// verified by default, trusted through `cacert`, skipped only with an explicit `insecure`.
@Suite("TLS verification", .serialized)
struct TLSTests {
    final class TLSServer: @unchecked Sendable {
        let process = Process()
        let port: Int
        let certificatePath: String

        init() throws {
            let folder = NSTemporaryDirectory() + "md-tls-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            certificatePath = folder + "/cert.pem"
            let keyPath = folder + "/key.pem"
            let made = try ProcessRunner.runBlocking("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                                                                  "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                                                                  "-keyout", keyPath, "-out", certificatePath], environment: [:])
            guard made.status == 0 else { throw StackUnavailable(message: "openssl req failed: \(made.stderr)") }
            port = try ClosedPort.make()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            process.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificatePath, "-key", keyPath, "-www", "-quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try ProcessRunner.launch(process)
        }

        /// Waits until the port accepts connections.
        func waitUntilListening() async throws {
            for _ in 0..<100 {
                let transport = try AsyncHTTPTransport(settings: .init(verifyTLS: false))
                if (try? await transport.send(HTTPRequestSpec(method: "GET", url: "https://127.0.0.1:\(port)/"), timeout: 2)) != nil { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw StackUnavailable(message: "openssl s_server did not start")
        }

        /// SIGKILL: a child spawned from a test thread inherits its blocked signals, SIGTERM included.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test("a self-signed server is refused by default, trusted with cacert, reached with insecure")
    func verification() async throws {
        let server = try TLSServer()
        defer { server.stop() }
        try await server.waitUntilListening()
        let url = "https://127.0.0.1:\(server.port)/"

        let strict = try AsyncHTTPTransport(settings: .init(verifyTLS: true, connectTimeout: 5))
        do {
            _ = try await strict.send(HTTPRequestSpec(method: "GET", url: url), timeout: 5)
            Issue.record("an untrusted certificate must be refused")
        } catch let MembershipError.connection(failure) {
            #expect(failure.kind == .tls, "\(failure)")
        }

        let trusting = try AsyncHTTPTransport(settings: .init(verifyTLS: true, caCertPath: server.certificatePath, connectTimeout: 5))
        #expect(try await trusting.send(HTTPRequestSpec(method: "GET", url: url), timeout: 5).status == 200)

        let insecure = try AsyncHTTPTransport(settings: .init(verifyTLS: false, connectTimeout: 5))
        #expect(try await insecure.send(HTTPRequestSpec(method: "GET", url: url), timeout: 5).status == 200)
    }

    @Test("a cacert that cannot be read is a configuration error")
    func unreadableCACert() throws {
        #expect(throws: MembershipError.self) {
            _ = try AsyncHTTPTransport(settings: .init(caCertPath: "/nonexistent/ca.pem"))
        }
    }
}
