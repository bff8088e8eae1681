/// The decorations of one frame: box drawing, spinner, arrows and ellipsis in Unicode, or their
/// ASCII stand-ins when the locale is not UTF-8 or the terminal is a vt100.
struct Glyphs: Sendable {
    let unicode: Bool
    let horizontal: String
    let vertical: String
    let topLeft: String
    let topRight: String
    let bottomLeft: String
    let bottomRight: String
    let ellipsis: String
    let arrow: String
    let mark: String
    let times: String
    /// A row with children (an image's versions): children shown, children hidden.
    let expanded: String
    let collapsed: String
    let spinner: [String]

    init(unicode: Bool) {
        self.unicode = unicode
        if unicode {
            (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("─", "│", "┌", "┐", "└", "┘")
            (ellipsis, arrow, mark, times) = ("…", "→", "●", "×")
            (expanded, collapsed) = ("▾", "▸")
            spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        } else {
            (horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight) = ("-", "|", "+", "+", "+", "+")
            (ellipsis, arrow, mark, times) = ("...", "->", "*", "x")
            (expanded, collapsed) = ("-", "+")
            spinner = ["|", "/", "-", "\\"]
        }
    }

    /// The spinner frame for a tick count.
    func spinnerFrame(_ tick: Int) -> String { spinner[((tick % spinner.count) + spinner.count) % spinner.count] }

    /// Text the controller composed with Unicode decorations (`pending → accepted…`, log lines,
    /// flash messages), with those decorations replaced by ASCII when the frame is ASCII.
    func fold(_ text: String) -> String {
        guard !unicode, text.unicodeScalars.contains(where: { $0.value > 0x7E }) else { return text }
        return text.replacingOccurrences(of: "→", with: "->").replacingOccurrences(of: "…", with: "...")
            .replacingOccurrences(of: "↑↓", with: "up/down")
            .replacingOccurrences(of: "×", with: "x")
    }
}
