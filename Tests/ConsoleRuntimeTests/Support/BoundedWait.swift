import Foundation
import Testing

/// Polls `condition` until it holds, for at most `seconds` (an issue is recorded if it never does;
/// generous, since it returns as soon as it holds and a loaded CI machine can stall work for seconds):
/// the runtime works on its own tasks, and a test waits for their effect without a fixed sleep.
func waitUntil(_ seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else {
            Issue.record("condition not met within \(seconds) s", sourceLocation: sourceLocation)
            return
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}
