import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How wide the terminal on standard output is, so a table can fit it. Nil when standard output
/// is a pipe or a file: scripts get every character.
enum TerminalColumns {
    static func standardOutput() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        // $COLUMNS wins, as for other tools (`COLUMNS=200 memberdeck images list`).
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
