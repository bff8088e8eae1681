import Foundation
import NIOConcurrencyHelpers

/// Bounds a whole operation in time, however its parts behave.
///
/// async-http-client's own deadline covers the wait for the response head; a server that sends the
/// head at once and then drips one byte every half second would hold the body read for ever. `run`
/// races the operation against a timer: the first to finish decides, and the loser is cancelled.
/// The caller is resumed at the deadline even if the operation ignores cancellation for a while.
enum Deadline {
    struct Exceeded: Error {}

    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                race.start(continuation)
                let work = Task {
                    do { race.finish(.success(try await operation())) } catch { race.finish(.failure(error)) }
                }
                let timer = Task {
                    try? await Task.sleep(nanoseconds: DurationConversion.nanoseconds(seconds))
                    if !Task.isCancelled { race.finish(.failure(Exceeded())) }
                }
                race.onFinish { work.cancel(); timer.cancel() }
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The first result wins; later ones are dropped. Lock-protected, so any thread may finish it.
    final class Race<T: Sendable>: @unchecked Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var result: Result<T, any Error>?
            var cleanup: (@Sendable () -> Void)?
        }
        private let state = NIOLockedValueBox(State())

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            let early = state.withLockedValue { state -> Result<T, any Error>? in
                if let result = state.result { return result }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(with: early) }
        }

        func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
            let done = state.withLockedValue { state -> Bool in
                if state.result != nil { return true }
                state.cleanup = cleanup
                return false
            }
            if done { cleanup() }
        }

        func finish(_ result: Result<T, any Error>) {
            let (continuation, cleanup) = state.withLockedValue { state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
                guard state.result == nil else { return (nil, nil) }
                state.result = result
                defer { state.continuation = nil; state.cleanup = nil }
                return (state.continuation, state.cleanup)
            }
            continuation?.resume(with: result)
            cleanup?()
        }
    }
}
