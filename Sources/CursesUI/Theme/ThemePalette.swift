/// Turns a theme into what ncurses needs for a terminal with `colors` colours: each role's style with
/// its colours degraded to palette indices (see `Theme.paletteIndex`) and the fallback chain already
/// resolved, so painting a span is one dictionary lookup.
public enum ThemePalette {
    public static func styles(_ theme: Theme, colors: Int) -> [Role: CursesStyle] {
        var result: [Role: CursesStyle] = [:]
        for role in Role.allCases { result[role] = cursesStyle(theme.style(for: role), colors: colors) }
        return result
    }

    public static func cursesStyle(_ style: Style, colors: Int) -> CursesStyle {
        CursesStyle(foreground: style.foreground.map { Theme.paletteIndex($0, colors: colors) } ?? -1,
                    background: style.background.map { Theme.paletteIndex($0, colors: colors) } ?? -1,
                    bold: style.bold, underline: style.underline, reverse: style.reverse, dim: style.dim)
    }
}
