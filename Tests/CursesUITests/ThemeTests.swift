import CursesUI
import GlanceScript
import Testing

@Suite("Theme lookup")
struct ThemeTests {
    @Test("roles fall back along their names to normal")
    func fallback() {
        let theme = Theme(name: "t", styles: [
            .normal: Style(foreground: .named(7)),
            .title: Style(bold: true),
            .dialog: Style(background: .named(4)),
        ])
        #expect(theme.style(for: .titleFocused) == Style(bold: true))
        #expect(theme.style(for: .dialogButtonFocused) == Style(background: .named(4)))
        #expect(theme.style(for: .statusPending) == Style(foreground: .named(7)))
        #expect(Theme(name: "empty", styles: [:]).style(for: .selection) == .plain)
        #expect(Theme.parent(of: .dialogButtonFocused) == .dialogButton)
        #expect(Theme.parent(of: .selectionUnfocused) == .selection)
        #expect(Theme.parent(of: .own) == .normal)
        #expect(Theme.parent(of: .normal) == nil)
    }

    @Test("without colour: colours go, attributes stay, colour-only roles borrow monochrome's attributes")
    func withoutColor() {
        let plain = Theme.default.withoutColor()
        for role in Role.allCases {
            let style = plain.style(for: role)
            #expect(style.foreground == nil && style.background == nil)
        }
        // Selection had a background: it becomes reverse video.
        #expect(plain.style(for: .selection) == Theme.monochrome.style(for: .selection))
        #expect(plain.style(for: .selection).reverse)
        // A bold foreground-only role keeps its own attributes.
        #expect(plain.style(for: .titleFocused) == Style(bold: true))
        // Status colours alone would vanish: monochrome's attributes keep pending visible.
        #expect(plain.style(for: .statusPending) == Theme.monochrome.style(for: .statusPending))
        #expect(plain.style(for: .selection) != plain.style(for: .normal))
        #expect(Theme.monochrome.withoutColor().styles.allSatisfy { $0.value == Theme.monochrome.style(for: $0.key) })
    }

    @Test("ThemePalette resolves every role for ncurses")
    func cursesStyles() {
        let styles = ThemePalette.styles(Theme.default, colors: 256)
        #expect(styles.count == Role.allCases.count)
        #expect(styles[.selection] == CursesStyle(foreground: 231, background: 24, bold: true))
        #expect(styles[.statusPending] == CursesStyle(foreground: 3))
        #expect(ThemePalette.styles(Theme.default, colors: 8)[.selection] == CursesStyle(foreground: 7, background: 6, bold: true))
        #expect(ThemePalette.styles(Theme.monochrome, colors: 256)[.selection] == CursesStyle(bold: true, reverse: true))
    }
}
