import Console
import Foundation
import NIOConcurrencyHelpers
import Testing

/// Collects what the runtime posts (from any thread, as the UI thread's queue would) and waits for
/// an event with a deadline, polling, so a test never sleeps a fixed time and never hangs.
final class PostedEvents: Sendable {
    private let events = NIOLockedValueBox<[Event]>([])

    /// The closure to hand to the runtime as `post`.
    var post: @Sendable (Event) -> Void { { [events] event in events.withLockedValue { $0.append(event) } } }

    var all: [Event] { events.withLockedValue { $0 } }

    /// A listing's progress callback that posts what the runner posts for `request`.
    func progress(request: Int) -> @Sendable (Int) -> Void { { [post] count in post(.rowsProgress(request: request, count: count)) } }

    /// The first posted event `match` extracts a value from, waiting up to `seconds` for it; records
    /// an issue and returns nil when none came in time. The bound is generous: it returns as soon
    /// as the event comes, and on a loaded CI machine, where the whole suite shares two cores, a
    /// connection that is retried twice has been seen to take more than ten seconds.
    func first<T>(within seconds: Double = 60, sourceLocation: SourceLocation = #_sourceLocation,
                  _ match: (Event) -> T?) async -> T? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            for event in all { if let found = match(event) { return found } }
            if Date() >= deadline {
                Issue.record("no matching event within \(seconds) s; posted: \(all)", sourceLocation: sourceLocation)
                return nil
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Every posted event `match` extracts a value from, in order, as of now.
    func matching<T>(_ match: (Event) -> T?) -> [T] { all.compactMap(match) }
}
