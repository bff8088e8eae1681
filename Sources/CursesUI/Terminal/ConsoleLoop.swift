import CNCurses
import Console
import Foundation

/// The UI thread's loop: waits on stdin and the inbox pipe with `poll`, turns keys, ticks, resizes
/// and posted results into events, runs `update`, hands effects to the runner, and paints.
public final class ConsoleLoop {
    /// Why the console could not start (reported as one line, exit 2).
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case unknownTerminal(String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "the console needs a terminal (stdin and stdout are not both terminals); scripts can use the subcommands: memberdeck images list, memberdeck members list IMAGE …"
            case let .unknownTerminal(term):
                return "unknown terminal type '\(term)' (TERM); set TERM (e.g. xterm-256color) or use the subcommands: memberdeck images list, memberdeck members list IMAGE …"
            }
        }
    }

    /// Ticks per second: the spinner, flash expiry, debounced loads and the refresh timer.
    static let tickInterval: Double = 0.1

    private var state: ConsoleState
    private let styles: (_ theme: String, _ colors: Int) -> [Role: CursesStyle]
    private let useColor: Bool
    private let unicode: Bool
    private let mouse: Bool
    private let inbox = EventInbox()

    /// - Parameters:
    ///   - styles: the styles of a theme by name for a palette size (called again after `:theme`).
    ///   - useColor: false under NO_COLOR.
    ///   - unicode: false under a non-UTF-8 locale (ASCII borders).
    ///   - mouse: report clicks and the wheel (off by default so the terminal can select text).
    public init(state: ConsoleState, styles: @escaping (_ theme: String, _ colors: Int) -> [Role: CursesStyle], useColor: Bool, unicode: Bool,
                mouse: Bool = false) {
        self.mouse = mouse
        self.state = state
        self.styles = styles
        self.useColor = useColor
        self.unicode = unicode
    }

    /// Checks that the console can run here, before anything is drawn.
    public static func checkTerminal() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
        guard CursesProbe.terminalIsUsable() else {
            throw StartError.unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "")
        }
    }

    /// The function other threads use to post events.
    public var post: @Sendable (Event) -> Void {
        let inbox = self.inbox
        return { inbox.post($0) }
    }

    /// Runs until the user quits or a signal asks to. Returns the exit code.
    public func run(perform: @escaping (Effect) -> Void) -> Int32 {
        SignalGuard.install(wake: inbox)
        let screen = Screen(mouse: mouse)
        defer { screen.close() }
        var themeName = state.settings.themeName
        screen.apply(styles: styles(themeName, screen.colorCount), useColor: useColor)
        resize(screen)
        for effect in ConsoleUpdate.start(&state) { perform(effect) }
        var nextTick = Date()
        while !state.shouldExit {
            if SignalGuard.quitSignal != 0 { break }
            paint(screen)
            let timeout = max(0, Int32(nextTick.timeIntervalSinceNow * 1000))
            var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: inbox.readDescriptor, events: Int16(POLLIN), revents: 0)]
            _ = poll(&descriptors, 2, timeout)
            var events: [Event] = []
            for decoded in screen.readKeys() {
                switch decoded {
                case .key(.control("l")):
                    screen.invalidate()
                case let .key(key):
                    events.append(.key(key == .control("c") ? state.settings.keyMap.keys(for: .quit).first ?? key : key))
                case .resize:
                    resize(screen)
                case .mouse:
                    if let event = mouseEvent(screen) { events.append(event) }
                case .ignored:
                    break
                }
            }
            events += inbox.drain()
            if Date() >= nextTick {
                events.append(.tick(Date()))
                nextTick = Date().addingTimeInterval(Self.tickInterval)
            }
            // Handed over one by one (not iterated), so each event reaches `update` with no other owner.
            events.reverse()
            while let event = events.popLast() {
                for effect in ConsoleUpdate.update(&state, event) {
                    switch effect {
                    case .quit: continue
                    // The terminal is this thread's: the sequence goes out after the frame ncurses flushed.
                    case let .copyToClipboard(text): Clipboard.copy(text)
                    case .ringBell: beep()
                    default: perform(effect)
                    }
                }
                if state.shouldExit { break }
            }
            if state.settings.themeName != themeName {
                themeName = state.settings.themeName
                screen.apply(styles: styles(themeName, screen.colorCount), useColor: useColor)
            }
        }
        // Ended by a signal: the conventional 128 + signal number, after the terminal is restored.
        return SignalGuard.quitSignal != 0 ? 128 + SignalGuard.quitSignal : 0
    }

    /// Operations still unanswered when the loop ended (quit after the grace period, or a signal).
    public var unfinishedOperations: [String] { state.operations.values.map(\.description).sorted() }

    private func resize(_ screen: Screen) {
        screen.invalidate()
        let size = screen.size
        let heights = Layout.rowCapacity(width: size.width, height: size.height)
        _ = ConsoleUpdate.update(&state, .resize(width: size.width, height: size.height, paneHeights: heights))
    }

    /// Translates the pending mouse event into a click on a pane row or a wheel turn.
    private func mouseEvent(_ screen: Screen) -> Event? {
        var x: Int32 = 0, y: Int32 = 0, kind: Int32 = 0
        guard md_mouse_read(&x, &y, &kind) == 1, kind != 0 else { return nil }
        let size = screen.size
        return MouseMapping.event(x: Int(x), y: Int(y), button: MouseMapping.Button(shimKind: kind), width: size.width, height: size.height, state: state)
    }

    private func paint(_ screen: Screen) {
        let size = screen.size
        screen.paint(ConsoleRenderer.render(state, width: size.width, height: size.height, unicode: unicode))
        recordFirstPaintIfDue()
    }

    /// For `scripts/bench-console`: when `MEMBERDECK_FIRST_PAINT_FILE` names a file, the wall time
    /// (seconds since 1970) of the first paint that shows the loaded images pane is written there;
    /// `MEMBERDECK_FIRST_ROWS_FILE`, that of the first paint showing any image (the first page).
    private var firstPaintRecorded = false
    private var firstRowsRecorded = false
    private func recordFirstPaintIfDue() {
        if !firstRowsRecorded, !state.records.primary.rows.isEmpty {
            firstRowsRecorded = true
            if let path = ProcessInfo.processInfo.environment["MEMBERDECK_FIRST_ROWS_FILE"], !path.isEmpty {
                try? String(format: "%.6f %d\n", Date().timeIntervalSince1970, state.records.primary.rows.count)
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
        }
        guard !firstPaintRecorded, state.session != nil, state.records.primary.loading == .idle, !state.loads.values.contains(where: {
            if case .records(.images, _, _) = $0 { return true } else { return false }
        }) else { return }
        firstPaintRecorded = true
        guard let path = ProcessInfo.processInfo.environment["MEMBERDECK_FIRST_PAINT_FILE"], !path.isEmpty else { return }
        try? String(format: "%.6f %d\n", Date().timeIntervalSince1970, state.records.primary.rows.count).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

