/// Runs work over many items with a bounded number in flight: the requests one command or pane
/// makes to one host (8, the connections of a host), or one per cloud.
public enum ConcurrentWork {
    /// `body` for each item, at most `width` at a time; answers come back in the items' order.
    public static func map<Item: Sendable, Answer: Sendable>(_ items: [Item], width: Int = 8,
                                                             _ body: @escaping @Sendable (Item) async -> Answer) async -> [Answer] {
        await withTaskGroup(of: (Int, Answer).self) { group in
            var answers = [Answer?](repeating: nil, count: items.count)
            var next = 0
            func launch() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, await body(item)) }
            }
            for _ in 0..<max(1, width) { launch() }
            for await (index, answer) in group {
                answers[index] = answer
                launch()
            }
            return answers.map { $0! }
        }
    }

    /// `body` for each item, at most `width` at a time, in the items' order; the first failure
    /// (in that order) is thrown once every item has finished.
    public static func tryMap<Item: Sendable, Answer: Sendable>(_ items: [Item], width: Int = 8,
                                                                _ body: @escaping @Sendable (Item) async throws -> Answer) async throws -> [Answer] {
        try await map(items, width: width) { item -> Result<Answer, MembershipError> in
            do { return .success(try await body(item)) } catch { return .failure(MembershipError.wrapping(error)) }
        }.map { try $0.get() }
    }
}
