/// A named set of styles for the semantic roles of a frame. Roles a theme does not mention fall
/// back along their name (`title.focused` → `title` → `normal`), so a theme file can stay short.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role: its own, else its parent's (`dialog.button.focused` → `dialog.button`
    /// → `dialog`), else `normal`'s, else plain.
    public func style(for role: Role) -> Style {
        var current: Role? = role
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = Self.parent(of: candidate)
        }
        return styles[.normal] ?? .plain
    }

    /// The role a role falls back to: the name without its last dotted part, else `normal`.
    public static func parent(of role: Role) -> Role? {
        guard role != .normal else { return nil }
        var name = role.rawValue
        while let dot = name.lastIndex(of: ".") {
            name = String(name[..<dot])
            if let parent = Role(rawValue: name) { return parent }
        }
        return .normal
    }

    /// The theme for `NO_COLOR` (any non-empty value) and terminals without colours: colours are
    /// dropped and attributes kept. A role the theme told apart by colour alone (a selection bar, a
    /// status) takes the monochrome theme's attributes so it stays visible.
    public func withoutColor() -> Theme {
        var result: [Role: Style] = [:]
        for role in Role.allCases {
            let own = style(for: role)
            let stripped = own.withoutColor
            let hadColor = own.foreground != nil || own.background != nil
            if hadColor, !stripped.hasAttributes || own.background != nil {
                result[role] = Theme.monochrome.style(for: role)
            } else {
                result[role] = stripped
            }
        }
        return Theme(name: name, styles: result)
    }
}
