import Console
import Foundation

/// Where other threads leave events for the UI thread: a locked list plus a pipe whose read end
/// the UI thread polls beside stdin, so a posted event wakes it at once.
final class EventInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [Event] = []
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() {
        var descriptors: [Int32] = [0, 0]
        pipe(&descriptors)
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Any thread.
    func post(_ event: Event) {
        lock.lock()
        events.append(event)
        lock.unlock()
        wake()
    }

    /// The pipe's write end, for a signal handler (which may only call `write`).
    var writeDescriptorForSignals: Int32 { writeDescriptor }

    /// Any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// UI thread: takes every waiting event and empties the pipe.
    func drain() -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let taken = events
        events.removeAll(keepingCapacity: true)
        return taken
    }
}

