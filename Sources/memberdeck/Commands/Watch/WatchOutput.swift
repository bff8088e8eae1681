import Foundation
import MembershipKit
import TerminalText

/// What a watch prints: changes on stdout (a line each, or JSON Lines), and the state of each cloud
/// on stderr. Clouds are watched at once; a lock keeps their lines whole.
final class WatchOutput: Sendable {
    let format: OutputFormat
    /// Names of project ids, from the Keystone of the session that saw them (those some source knows).
    let names: @Sendable ([String], OpenStackSession) async -> [String: String]
    private let lock = NSLock()

    init(format: OutputFormat, names: @escaping @Sendable ([String], OpenStackSession) async -> [String: String]) {
        self.format = format
        self.names = names
    }

    /// Prints `changes` seen in `place`; returns whether there were any.
    func report(_ changes: [MemberWatchChange], in place: WatchPlace, session: OpenStackSession, now: Date = Date()) async -> Bool {
        guard !changes.isEmpty else { return false }
        let named = await names(Array(Set(changes.map(\.memberID))), session)
        let text = changes.map { WatchLine.text($0, in: place, memberName: named[$0.memberID], time: now, json: format == .json) }.joined()
        write(text, to: .standardOutput)
        return true
    }

    /// The baseline is taken: from now on changes are printed (scripts can wait for this line).
    func watching(_ cloud: String, shares: Int) {
        say("cloud '\(cloud)': watching \(shares) share\(shares == 1 ? "" : "s"); changes follow")
    }

    func stale(_ cloud: String, since: Date, reason: String, retryIn seconds: Double) {
        // Whole seconds, as the console's header counts them down.
        let wait = Int(max(1, min(86_400, seconds.rounded(.up))))
        say("cloud '\(cloud)': stale since \(WatchLine.clock(since)) (\(reason)); retrying in \(wait)s")
    }

    func reconnected(_ cloud: String) { say("cloud '\(cloud)': reconnected") }

    private func say(_ message: String) {
        write("memberdeck: \(TerminalSanitizer.sanitize(message))\n", to: .standardError)
    }

    /// One write per batch, so each line reaches a pipe whole and at once (JSON Lines readers see it now).
    private func write(_ text: String, to handle: FileHandle) {
        lock.withLock { handle.write(Data(text.utf8)) }
    }
}
