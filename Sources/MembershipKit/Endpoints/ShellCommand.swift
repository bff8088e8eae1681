import Foundation

/// Runs `/bin/sh -c COMMAND` for a short answer (a `password_command`), safely whatever it does:
///
/// - in its own process group (posix_spawn with `POSIX_SPAWN_SETPGROUP`), so a timeout kills the
///   command and everything it started;
/// - stdout and stderr are read together as they come, each kept up to `outputLimit` bytes while the
///   rest is drained, so a chatty command never blocks on a full pipe;
/// - done when the command exits: a background child that keeps the pipes open (`sleep 100 &`) is not
///   waited for; what is already in the pipes is read without blocking.
///
/// Foundation's `Process` is not used: it crashed test processes on this platform (see
/// Tests/IntegrationTests/ProcessRunner.swift).
struct ShellCommand {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    struct Result {
        var outcome: Outcome
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    struct LaunchFailure: Error, CustomStringConvertible {
        let description: String
    }

    let command: String
    let timeout: Double
    var outputLimit = 64 * 1024
    /// How often the child's exit is checked while its pipes stay quiet.
    var pollInterval: Int32 = 20

    func run() throws(LaunchFailure) -> Result {
        let output = try ChildPipe(), errors = try ChildPipe()
        let pid: pid_t
        do {
            pid = try spawn(stdout: output.write, stderr: errors.write)
        } catch {
            output.closeBoth()
            errors.closeBoth()
            throw error
        }
        close(output.write)
        close(errors.write)
        defer {
            close(output.read)
            close(errors.read)
        }
        var stdout = BoundedBuffer(limit: outputLimit), stderr = BoundedBuffer(limit: outputLimit)
        let deadline = DispatchTime.now().uptimeNanoseconds + DurationConversion.nanoseconds(timeout)
        var streams = [(output.read, 0), (errors.read, 1)]
        // Bounded: every turn waits at most `pollInterval` ms, and the deadline ends the loop.
        while true {
            if let status = reap(pid, blocking: false) {
                // Exited: take what is already written, without waiting for an EOF a grandchild may hold.
                for (descriptor, index) in streams {
                    if index == 0 { drain(descriptor, into: &stdout) } else { drain(descriptor, into: &stderr) }
                }
                return Result(outcome: status, stdout: stdout.bytes, stderr: stderr.bytes)
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                kill(-pid, SIGKILL)
                _ = reap(pid, blocking: true)
                return Result(outcome: .timedOut, stdout: stdout.bytes, stderr: stderr.bytes)
            }
            let wait = Int32(min(UInt64(pollInterval), (deadline - now) / 1_000_000 + 1))
            var fds = streams.map { pollfd(fd: $0.0, events: Int16(POLLIN), revents: 0) }
            guard !fds.isEmpty else {
                _ = poll(nil, 0, wait)
                continue
            }
            guard poll(&fds, nfds_t(fds.count), wait) > 0 else { continue }
            var open: [(Int32, Int)] = []
            for (slot, stream) in streams.enumerated() {
                let ended = fds[slot].revents != 0 && !(stream.1 == 0 ? drain(stream.0, into: &stdout) : drain(stream.0, into: &stderr))
                if !ended { open.append(stream) }
            }
            streams = open
        }
    }

    /// Reads what is available without blocking; false at end of file.
    @discardableResult
    private func drain(_ descriptor: Int32, into buffer: inout BoundedBuffer) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        // Bounded by what the pipe holds (64 KiB by default) plus what arrives meanwhile; a command
        // that writes endlessly is still cut off by the deadline between turns.
        for _ in 0..<64 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(chunk[0..<count])
                continue
            }
            if count == 0 { return false }
            return errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK
        }
        return true
    }

    /// The child's end, once it has ended (`blocking` waits for it).
    private func reap(_ pid: pid_t, blocking: Bool) -> Outcome? {
        var status: Int32 = 0
        for _ in 0..<1_000 {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
            }
            if result == 0 { return nil }
            if errno != EINTR { return .exited(-1) }
        }
        return nil
    }

    private func spawn(stdout: Int32, stderr: Int32) throws(LaunchFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        SpawnSetup.closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        SpawnSetup.resetSignals(&attributes, ownProcessGroup: true)

        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw LaunchFailure(description: "cannot run /bin/sh: \(String(cString: strerror(spawned)))") }
        return pid
    }
}

/// A pipe whose ends close on exec (the child gets its copies through dup2); the reading end does
/// not block.
private struct ChildPipe {
    let read: Int32
    let write: Int32

    init() throws(ShellCommand.LaunchFailure) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw ShellCommand.LaunchFailure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        read = ends[0]
        write = ends[1]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
    }

    func closeBoth() {
        close(read)
        close(write)
    }
}

/// Keeps the first `limit` bytes and counts the rest away.
private struct BoundedBuffer {
    let limit: Int
    var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    mutating func append(_ chunk: ArraySlice<UInt8>) {
        let room = limit - bytes.count
        if room > 0 { bytes.append(contentsOf: chunk.prefix(room)) }
    }
}
