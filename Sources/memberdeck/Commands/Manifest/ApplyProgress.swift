import Foundation
import TerminalText

/// The outcomes of `apply` as they happen: one line per change (done on stdout, failed on stderr)
/// and, when stderr is a terminal, a progress bar below them that each outcome line pushes down.
/// An actor, so that lines from changes running side by side never interleave.
actor ApplyProgress {
    let total: Int
    let showsBar: Bool
    private(set) var done = 0
    private(set) var failed = 0

    init(total: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.total = total
        showsBar = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// One change finished: its line (nil prints none, for the json and yaml formats), then the bar again.
    func finished(_ line: String?, failure: String?) {
        if failure == nil { done += 1 } else { failed += 1 }
        clearBar()
        if let failure {
            FileHandle.standardError.write(Data("memberdeck: error: \(TerminalSanitizer.sanitize(failure))\n".utf8))
        } else if let line {
            FileHandle.standardOutput.write(Data((TerminalSanitizer.sanitize(line) + "\n").utf8))
        }
        drawBar()
    }

    func start() { drawBar() }

    func end() { clearBar() }

    private func clearBar() {
        guard showsBar else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func drawBar() {
        guard showsBar else { return }
        let width = 30
        let finished = done + failed
        let filled = total == 0 ? width : width * finished / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let failures = failed > 0 ? ", \(failed) failed" : ""
        FileHandle.standardError.write(Data("[\(bar)] \(finished)/\(total)\(failures)".utf8))
    }
}
