import Foundation
import MembershipKit

/// Runs one operation per item, a few at a time, keeping the input order; prints each failure as
/// one line on stderr, and the successes as one listing. Exit code 1 when any item failed.
enum BulkRun {
    static let concurrency = 6

    struct Item<Output: Sendable>: Sendable {
        let label: String
        let result: Result<Output, MembershipError>
    }

    static func run<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], label: @escaping @Sendable (Input) -> String,
        operation: @escaping @Sendable (Input) async throws -> Output
    ) async -> [Item<Output>] {
        await ConcurrentWork.map(inputs, width: concurrency) { input in
            do {
                return Item(label: label(input), result: .success(try await operation(input)))
            } catch {
                return Item(label: label(input), result: .failure(MembershipError.wrapping(error)))
            }
        }
    }

    /// Prints failures and returns the successes; throws `CommandFailure(1)` after printing
    /// the successes when anything failed.
    static func report<Output>(_ items: [Item<Output>], context: CommandContext, listing: ([Output]) -> Listing) throws {
        var successes: [Output] = []
        var failed = 0
        for item in items {
            switch item.result {
            case let .success(output): successes.append(output)
            case let .failure(error):
                failed += 1
                Entry.printError("\(item.label): \(error.description)")
            }
        }
        // Nothing on stdout when everything failed: a script must not read `[]` as "no results".
        if !successes.isEmpty || (failed == 0 && (context.options.format == .json || context.options.format == .yaml)) {
            context.emit(listing(successes))
        }
        if failed > 0 {
            Entry.printError("\(failed) of \(items.count) failed")
            throw CommandFailure(exitCode: 1)
        }
    }
}
