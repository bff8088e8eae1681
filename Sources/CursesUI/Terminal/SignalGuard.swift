import CNCurses
import Foundation

/// Restores the terminal whatever ends the program: SIGTERM, SIGHUP (SSH drop) and SIGINT ask the
/// loop to quit (through the inbox pipe); a crash signal restores the terminal, then lets the
/// default action run so the crash is still reported.
enum SignalGuard {
    /// Set by a handler; read by the UI loop.
    nonisolated(unsafe) static var quitSignal: Int32 = 0
    /// The inbox pipe's write end, for waking the loop from a handler.
    nonisolated(unsafe) static var wakeDescriptor: Int32 = -1
    nonisolated(unsafe) static var cursesActive = false

    static func install(wake inbox: EventInbox) {
        wakeDescriptor = inbox.writeDescriptorForSignals
        for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            Glibc.signal(signal) { number in
                SignalGuard.quitSignal = number
                var byte: UInt8 = 1
                _ = write(SignalGuard.wakeDescriptor, &byte, 1)
            }
        }
        for signal in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            Glibc.signal(signal) { number in
                if SignalGuard.cursesActive { endwin() }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
        }
        // A write to a closed SSH connection must not kill us before the terminal is restored.
        Glibc.signal(SIGPIPE, SIG_IGN)
    }
}
