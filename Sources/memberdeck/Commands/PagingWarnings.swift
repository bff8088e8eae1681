import Foundation
import MembershipKit
import TerminalText

/// A listing that stopped early still prints what it read, but says so on stderr at once and makes
/// the command exit 1 at the end: a script must not take a partial list for the whole.
enum PagingWarnings {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var truncated = false

    /// Whether any listing of this process stopped early.
    static var occurred: Bool { lock.withLock { truncated } }

    @Sendable static func report(_ truncation: PagingTruncation) {
        lock.withLock { truncated = true }
        FileHandle.standardError.write(Data("memberdeck: warning: \(TerminalSanitizer.sanitize(truncation.description))\n".utf8))
    }
}

extension CommandContext {
    /// The paging limits of config.yaml, reporting a listing that stops early (see `PagingWarnings`).
    var paging: PagingPolicy {
        get throws { PagingPolicy(limits: try configuration.paging.get(), onTruncated: PagingWarnings.report) }
    }
}
