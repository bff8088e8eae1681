import CNCurses
import Console
import Foundation

/// The ncurses screen. Only the UI thread may use it: ncurses is not thread-safe.
final class Screen {
    let window: UnsafeMutablePointer<WINDOW>
    private(set) var hasColors: Bool
    private var attributes: [Role: Int32] = [:]
    private var lastFrame: Frame?

    /// Starts ncurses. The caller has checked that stdin/stdout are terminals and TERM is known.
    init(mouse: Bool) {
        guard let window = initscr() else { fatalError("initscr failed after the terminal was checked") }
        self.window = window
        SignalGuard.cursesActive = true
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        if mouse { md_mouse_enable(1) }
        set_escdelay(25)
        curs_set(0)
        hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
    }

    /// Restores the terminal. Safe to call twice.
    func close() {
        guard SignalGuard.cursesActive else { return }
        SignalGuard.cursesActive = false
        curs_set(1)
        endwin()
    }

    var size: (width: Int, height: Int) { (Int(md_columns(window)), Int(md_lines(window))) }

    /// Colours in the terminal's palette (8, 16, 256 …), 0 without colour support.
    var colorCount: Int { hasColors ? Int(md_colors()) : 0 }

    /// Sets the style of every role: one colour pair per distinct colour combination.
    func apply(styles: [Role: CursesStyle], useColor: Bool) {
        var pairs: [[Int]: Int32] = [:]
        var next: Int32 = 1
        attributes = [:]
        for role in Role.allCases {
            let style = (useColor && hasColors) ? (styles[role] ?? CursesStyle()) : (styles[role] ?? CursesStyle()).withoutColor
            var attribute = md_attr_normal()
            if style.bold { attribute |= md_attr_bold() }
            if style.underline { attribute |= md_attr_underline() }
            if style.reverse { attribute |= md_attr_reverse() }
            if style.dim { attribute |= md_attr_dim() }
            if style.foreground != -1 || style.background != -1 {
                let key = [style.foreground, style.background]
                let pair: Int32
                if let existing = pairs[key] {
                    pair = existing
                } else {
                    pair = next
                    next += 1
                    md_init_pair(pair, Int32(style.foreground), Int32(style.background))
                    pairs[key] = pair
                }
                if pair < md_color_pairs() { attribute |= md_color_pair(pair) }
            }
            attributes[role] = attribute
        }
        lastFrame = nil
    }

    /// Draws a frame, sending the terminal only what changed (ncurses diffs against the last screen).
    func paint(_ frame: Frame) {
        if frame == lastFrame { return }
        for (row, line) in frame.lines.enumerated() where row < frame.height {
            if let previous = lastFrame, previous.width == frame.width, previous.lines.indices.contains(row), previous.lines[row] == line {
                continue
            }
            wmove(window, Int32(row), 0)
            for span in line.spans {
                md_wattrset(window, attributes[span.role] ?? md_attr_normal())
                var wide = span.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                // Writing the bottom-right cell returns ERR (the cursor cannot advance); the cell is drawn.
                _ = md_add_wide(window, &wide, Int32(wide.count))
            }
        }
        md_wattrset(window, md_attr_normal())
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
    }

    /// Forces a full redraw (after a resize or ctrl-L).
    func invalidate() {
        lastFrame = nil
        clearok(window, true)
    }

    /// Reads every key waiting, without blocking.
    func readKeys() -> [KeyDecoder.Decoded] {
        var keys: [KeyDecoder.Decoded] = []
        while true {
            var value: wint_t = 0
            let result = md_get_wch(window, &value)
            if result == ERR { break }
            keys.append(KeyDecoder.decode(UInt32(value), isFunctionKey: result == KEY_CODE_YES))
        }
        return keys
    }
}
