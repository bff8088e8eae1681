import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM ask `sandbox serve` to stop gracefully. A process-wide handler writes to a pipe
/// (the only safe thing in a handler) and a thread waiting on the pipe runs `onStop`. Dispatch's signal
/// sources are not used: on Linux they see a signal only on threads that block it, and Swift's worker
/// threads exist before any command runs, so SIGTERM would kill the server mid-request.
enum StopSignals {
    nonisolated(unsafe) private static var writeDescriptor: Int32 = -1

    static func install(_ onStop: @escaping @Sendable (Int32) -> Void) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        writeDescriptor = descriptors[1]
        let readDescriptor = descriptors[0]
        let thread = Thread {
            var number: Int32 = 0
            while read(readDescriptor, &number, MemoryLayout<Int32>.size) < 0, errno == EINTR {}
            onStop(number)
        }
        thread.name = "memberdeck.stop-signals"
        thread.start()
        for signal in [SIGINT, SIGTERM] {
            Glibc.signal(signal) { number in
                var value = number
                _ = write(StopSignals.writeDescriptor, &value, MemoryLayout<Int32>.size)
            }
        }
    }
}
