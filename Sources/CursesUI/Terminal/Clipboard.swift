import Foundation

/// Copies text to the clipboard of the terminal the user sits at, with the OSC 52 sequence: it
/// travels over SSH and through tmux to the local terminal, where no X or Wayland clipboard of
/// this machine could reach.
enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`: the text for the clipboard (`c`), base64-encoded, so that
    /// nothing in it can end the sequence or reach the terminal as a control character.
    static func sequence(_ text: String) -> String {
        "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    /// What is written: the sequence, and inside tmux the same wrapped for tmux's passthrough, so
    /// that it reaches the outer terminal with `allow-passthrough on` even when tmux does not take
    /// the plain one itself (`set-clipboard on` makes tmux keep it as a paste buffer and pass it on).
    static func output(_ text: String, insideTmux: Bool) -> String {
        let plain = sequence(text)
        guard insideTmux else { return plain }
        // In a DCS passthrough every ESC of the wrapped sequence is doubled.
        let wrapped = "\u{1b}Ptmux;" + plain.replacingOccurrences(of: "\u{1b}", with: "\u{1b}\u{1b}") + "\u{1b}\\"
        return plain + wrapped
    }

    /// Writes to the terminal (the UI thread's, after ncurses has flushed its frame).
    static func copy(_ text: String) {
        let insideTmux = !(ProcessInfo.processInfo.environment["TMUX"] ?? "").isEmpty
        let bytes = Array(output(text, insideTmux: insideTmux).utf8)
        var offset = 0
        // Bounded: a terminal that takes no bytes ends the loop.
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
    }
}
