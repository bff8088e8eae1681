import Foundation

/// What every child that memberdeck (or its tests) starts with posix_spawn gets: none of this
/// process's other descriptors (sockets, event loops, other children's pipes), no blocked signal and
/// default signal handlers (threads of this process may block or handle some), and where asked a
/// process group of its own, so that it can be killed with everything it started.
public enum SpawnSetup {
    /// Closes every descriptor from 3 up in the child.
    public static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        _ = closeFrom?(&actions, 3)
    }

    /// Clears the signal mask, restores default handlers, and with `ownProcessGroup` makes the child
    /// the leader of a new process group.
    public static func resetSignals(_ attributes: inout posix_spawnattr_t, ownProcessGroup: Bool = false) {
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module does not
    /// import: looked up once.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let closeFrom: CloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: CloseFrom.self)
    }
}
