import Foundation

/// Runs work that may recurse deeply (freeing a deeply nested tree) on a thread with a large stack,
/// and waits for it. The stack is reserved address space: only the pages used are ever committed.
enum LargeStackThread {
    static let stackSize = 1 << 30

    static func run<Value>(_ body: @escaping () -> Value) -> Value {
        let box = Box(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = box.body()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.result!
    }

    /// Hands the work to the thread and its result back; the semaphore orders the two accesses.
    private final class Box<Value>: @unchecked Sendable {
        let body: () -> Value
        var result: Value?
        init(_ body: @escaping () -> Value) { self.body = body }
    }
}
