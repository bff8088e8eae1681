import CTextShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terminal column widths, measured with the C library's `wcwidth` so that they agree with
/// what ncursesw and the terminal do: CJK and emoji take two columns, combining marks none.
public enum DisplayWidth {
    /// Columns taken by one scalar (non-printable ones count 1: they are sanitised before display).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return 1 }
        let width = Int(ctextshim_wcwidth(scalar.value))
        if width >= 0 { return width }
        return fallbackWidth(scalar.value)
    }

    /// Columns taken by a string.
    public static func of(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += of(scalar) }
        return total
    }

    /// Cuts text to at most `columns`, adding `…` when something was cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard of(text) > columns else { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            if used + width > columns - 1 { break }
            out.append(scalar)
            used += width
        }
        return String(out) + "…"
    }

    /// Pads with spaces to exactly `columns` (truncating first when longer).
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - of(cut)))
    }

    /// Used when the C locale cannot tell (no UTF-8 locale): wide East Asian ranges and emoji
    /// take two columns, combining marks none.
    static func fallbackWidth(_ value: UInt32) -> Int {
        if (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value) || (0xFE00...0xFE0F).contains(value) || value == 0x200D {
            return 0
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value) || (0x1F900...0x1F9FF).contains(value)
            || (0x20000...0x3FFFD).contains(value) {
            return 2
        }
        return 1
    }
}

/// Locale set-up shared by the CLI and the console.
public enum TerminalLocale {
    /// Adopts the user's locale; when its character set is not UTF-8, measures widths with C.UTF-8
    /// anyway (output stays UTF-8). Returns whether the user's locale is UTF-8.
    @discardableResult
    public static func adopt() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: ctextshim_codeset())
        let isUTF8 = codeset.uppercased().filter { $0 != "-" } == "UTF8"
        if !isUTF8 { _ = setlocale(LC_CTYPE, "C.UTF-8") }
        return isUTF8
    }
}
