import Foundation

/// A colour as a theme names it. The terminal layer turns it into a palette index for the colours
/// the terminal has (`Theme.paletteIndex`).
public enum ThemeColor: Sendable, Equatable, Hashable {
    /// One of the 16 ANSI colours: 0–7 normal, 8–15 bright.
    case named(Int)
    /// An xterm-256 palette index.
    case indexed(Int)
    /// A true colour, degraded to the nearest palette entry.
    case rgb(UInt8, UInt8, UInt8)
    /// Whatever the terminal's own foreground or background is.
    case terminalDefault

    /// The ANSI names, in palette order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a colour as written in a theme file: `#rrggbb`, `#rgb`, an ANSI name (`red`,
    /// `bright-red`, `grey`), a palette number 0–255, or `default`. Nil when it is none of these.
    public init?(parsing text: String) {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value == "default" || value == "terminal" {
            self = .terminalDefault
        } else if value.hasPrefix("#") {
            let hex = Array(value.dropFirst())
            guard hex.allSatisfy(\.isHexDigit), hex.count == 6 || hex.count == 3 else { return nil }
            let digits = hex.count == 3 ? hex.flatMap { [$0, $0] } : hex
            func channel(_ index: Int) -> UInt8 { UInt8(String(digits[index * 2...index * 2 + 1]), radix: 16)! }
            self = .rgb(channel(0), channel(1), channel(2))
        } else if let number = Int(value) {
            guard (0...255).contains(number) else { return nil }
            self = .indexed(number)
        } else if value == "grey" || value == "gray" {
            self = .named(8)
        } else {
            var name = value
            var bright = false
            for prefix in ["bright-", "bright_", "bright"] where name.hasPrefix(prefix) {
                name = String(name.dropFirst(prefix.count))
                bright = true
                break
            }
            guard let index = Self.ansiNames.firstIndex(of: name) else { return nil }
            self = .named(index + (bright ? 8 : 0))
        }
    }
}
