import Foundation
import Sandbox
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Stopping a sandbox while clients are connecting: the console stops its embedded sandbox at every quit,
/// and cancelling Hummingbird's serving task with an accepted connection not yet handed to a handler
/// traps the whole process ("Deinited NIOAsyncWriter without calling finish()").
@Suite("Sandbox shutdown with connections in flight")
struct SandboxShutdownTests {
    @Test("30 stops, each with fresh connections idle, mid-request and just answered, end without a trap and stop listening",
          .timeLimit(.minutes(2)))
    func stopsWithConnectionsInFlight() async throws {
        for round in 0..<30 {
            let sandbox = try await TemporarySandbox.start(seed: .empty, label: "shutdown")
            let port = sandbox.running.port
            var sockets: [LoopbackSocket] = []
            for index in 0..<8 {
                let socket = try LoopbackSocket(port: port)
                switch index % 3 {
                case 0: break   // connected, nothing sent
                case 1: socket.write("GET /identity/v3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                default: socket.write("GET /image/versions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                }
                sockets.append(socket)
            }
            if round % 2 == 0 { await Task.yield() }
            await sandbox.stop()
            #expect(throws: (any Error).self, "round \(round): the port still accepts after stop") { try LoopbackSocket(port: port) }
            sockets.forEach { $0.close() }
        }
    }

    @Test("a client holding a request half-sent does not hold a bounded stop", .timeLimit(.minutes(1)))
    func boundedStopReturnsDespiteAHeldRequest() async throws {
        let sandbox = try await TemporarySandbox.start(seed: .empty, label: "shutdown-held")
        let socket = try LoopbackSocket(port: sandbox.running.port)
        socket.write("GET /identity/v3 HTTP/1.1\r\nHost: 127.0.0.1\r\n")   // no blank line: the request never ends
        try await Task.sleep(for: .milliseconds(100))
        await sandbox.running.stop(waitingAtMost: .milliseconds(300))
        socket.close()
        await sandbox.stop()
    }
}

/// A loopback TCP connection made with plain sockets, so the test decides exactly what is sent and when.
private final class LoopbackSocket: Sendable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = try RawHTTP.connect(port: port)
    }

    func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func close() { Glibc.close(descriptor) }
}
