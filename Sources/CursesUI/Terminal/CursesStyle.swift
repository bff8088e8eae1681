/// A role's look in ncurses terms: palette indices (−1 for the terminal's default) and attributes.
public struct CursesStyle: Sendable, Equatable {
    public var foreground: Int
    public var background: Int
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: Int = -1, background: Int = -1, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The same look without colours (NO_COLOR, or a terminal without colours).
    public var withoutColor: CursesStyle {
        CursesStyle(bold: bold, underline: underline, reverse: reverse, dim: dim)
    }
}
