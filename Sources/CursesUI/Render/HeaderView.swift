import Console
import Foundation
import TerminalText

/// Row 0: who and where (`memberdeck  devstack/RegionOne  alice@demo  images.example:9292`) on the
/// left; on the right the badges (`sandbox`, `READ-ONLY`, `PARTIAL` after a listing stopped early,
/// `admin`), a spinner while work is in flight, `retry in Ns` during a server-requested wait, and
/// whether the panes are current (`updated 12s ago`, or ` STALE 2m ` with the next try).
enum HeaderView {
    /// `updated 12s ago` while the panes are current; ` STALE 2m ` (and when the console tries
    /// again) once a reload or the login failed, until one succeeds.
    static func freshnessBadge(_ state: ConsoleState) -> (String, Role)? {
        let freshness = state.freshness
        let retry = freshness.retryAt.map { "retry in \(max(0, Int(ceil($0.timeIntervalSince(state.now)))))s" }
        if freshness.isStale {
            guard let since = freshness.staleSince, state.session != nil else { return retry.map { ($0, .flashWarning) } }
            let age = TimeText.age(seconds: state.now.timeIntervalSince(since))
            return ([" STALE \(age) ", retry].compactMap { $0 }.joined(separator: " "), .flashError)
        }
        guard let refreshed = freshness.refreshedAt else { return nil }
        return ("updated \(TimeText.age(seconds: state.now.timeIntervalSince(refreshed))) ago", .header)
    }

    static func draw(on canvas: inout Canvas, _ state: ConsoleState, glyphs: Glyphs) {
        let width = canvas.width
        canvas.fill(row: 0, column: 0, count: width, role: .header)
        var right: [(String, Role)] = []
        if state.session?.isSandbox == true { right.append(("sandbox", .header)) }
        if state.settings.readOnly { right.append((" READ-ONLY ", .headerBadge)) }
        if state.truncation != nil { right.append((" PARTIAL ", .headerBadge)) }
        if state.session?.isAdmin == true { right.append(("admin", .header)) }
        if state.isBusy { right.append((glyphs.spinnerFrame(state.tickCount), .header)) }
        if let wait = state.retryWait {
            let seconds = max(0, Int(ceil(wait.until.timeIntervalSince(state.now))))
            // A rate limiter says why the console waits: over limit (413/429) or unavailable (503).
            let reason: String
            switch wait.status {
            case 413?, 429?: reason = "over limit, "
            case 503?: reason = "unavailable, "
            default: reason = ""
            }
            right.append(("\(reason)retry in \(seconds)s", .flashWarning))
        }
        // Last, so it is the last to go when the row is narrow: whether the panes are current.
        if let freshness = freshnessBadge(state) { right.append(freshness) }
        var rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.0) } + 2 * right.count
        // The badges matter more than the endpoint; but keep at least the program name.
        while rightWidth > width - 12, !right.isEmpty {
            rightWidth -= DisplayWidth.of(right.removeFirst().0) + 2
        }
        var column = width - rightWidth
        for (text, role) in right {
            column += 1
            column += canvas.write(text, row: 0, column: column, role: role) + 1
        }
        var left: [(String, Role)] = [(" memberdeck", .header)]
        if let session = state.session {
            let place = session.region.map { "\(session.cloud)/\($0)" } ?? session.cloud
            left.append((TerminalSafe.text(place), .header))
            left.append((TerminalSafe.text("\(session.userName)@\(session.projectName)"), .header))
            left.append((TerminalSafe.text(session.endpointHost), .header))
        } else if let error = state.connectionError {
            left.append((glyphs.fold(TerminalSafe.text(error)), .error))
        } else {
            left.append(("connecting\(glyphs.ellipsis)", .header))
        }
        var used = 0
        let room = max(0, width - rightWidth - 1)
        for (index, (text, role)) in left.enumerated() {
            let piece = (index == 0 ? "" : "  ") + text
            let space = room - used
            guard space > 0 else { break }
            let fitted = TextFit.truncate(piece, to: space, ellipsis: glyphs.ellipsis)
            used += canvas.write(fitted, row: 0, column: used, limit: space, role: role)
        }
    }
}
