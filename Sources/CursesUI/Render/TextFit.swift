import TerminalText

/// Measuring, cutting and wrapping text by terminal columns (never by characters), so wide CJK and
/// emoji keep columns aligned and a wide character is never split at an edge.
enum TextFit {
    /// Cuts `text` to at most `columns`, ending with `ellipsis` when something was cut.
    static func truncate(_ text: String, to columns: Int, ellipsis: String) -> String {
        guard columns > 0 else { return "" }
        let total = DisplayWidth.of(text)
        if total <= columns { return text }
        let mark = DisplayWidth.of(ellipsis)
        guard mark < columns else { return take(ellipsis, columns) }
        return take(text, columns - mark) + ellipsis
    }

    /// The longest prefix of `text` that fits in `columns` (combining marks stay with their base).
    static func take(_ text: String, _ columns: Int) -> String {
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = DisplayWidth.of(scalar)
            if used + width > columns { break }
            out.append(scalar)
            used += width
        }
        return String(out)
    }

    /// The longest suffix of `text` that fits in `columns` (a prompt shows the end of long input).
    static func takeLast(_ text: String, _ columns: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var used = 0
        for scalar in text.unicodeScalars.reversed() {
            let width = DisplayWidth.of(scalar)
            if used + width > columns { break }
            scalars.append(scalar)
            used += width
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.reversed())
        return String(out)
    }

    /// Splits text into lines of at most `columns`, breaking after the last space that fits and
    /// keeping the spaces inside a line (a log line's two-space columns stay as they are); a run
    /// without a space is cut where the line ends. Nothing is dropped but the spaces at a break.
    static func lines(_ text: String, width columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        let scalars = Array(text.unicodeScalars)
        var lines: [String] = []
        var start = 0
        while start < scalars.count {
            var used = 0
            var end = start
            var lastSpace: Int?
            while end < scalars.count {
                let width = DisplayWidth.of(scalars[end])
                if used + width > columns { break }
                if scalars[end] == " " { lastSpace = end }
                used += width
                end += 1
            }
            if end == scalars.count {
                lines.append(String(String.UnicodeScalarView(scalars[start..<end])))
                break
            }
            // A character wider than the whole line still moves on.
            if end == start { end = start + 1 }
            // Break where the line ends when a space follows it, else after the last space in it.
            let cut = scalars[end] == " " ? end : lastSpace.map { $0 > start ? $0 : end } ?? end
            lines.append(String(String.UnicodeScalarView(scalars[start..<cut])))
            start = cut
            while start < scalars.count, scalars[start] == " " { start += 1 }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Splits text into lines of at most `columns`, at spaces where possible.
    static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            var word = word
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= columns {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            // A word longer than the line is cut into pieces.
            while wordWidth > columns {
                let piece = take(word, columns)
                let rest = String(word.unicodeScalars.dropFirst(piece.unicodeScalars.count))
                if piece.isEmpty { break }
                lines.append(piece)
                word = rest
                wordWidth = DisplayWidth.of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
