import Console
import Foundation
import TerminalText

/// Appends activity lines to `$XDG_STATE_HOME/memberdeck/activity.log` (0600), one per transition.
public struct ActivityLogFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public func append(_ entry: ActivityEntry) {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // The log is for people: control and bidi characters from server strings are escaped as on screen.
        let line = Array((TerminalSanitizer.sanitize(entry.line) + "\n").utf8)
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
