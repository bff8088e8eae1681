/// How a role looks: colours (nil leaves the terminal's own) and attributes. Attributes alone must
/// be enough to tell roles apart in the monochrome theme and under `NO_COLOR`.
public struct Style: Sendable, Equatable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// True when the style sets neither colours nor attributes.
    public var isPlain: Bool { self == .plain }

    /// True when the style has any attribute (bold, underline, reverse, dim).
    public var hasAttributes: Bool { bold || underline || reverse || dim }

    /// The same attributes without colours.
    public var withoutColor: Style { Style(bold: bold, underline: underline, reverse: reverse, dim: dim) }
}
