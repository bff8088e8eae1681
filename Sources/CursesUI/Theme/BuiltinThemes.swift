/// The themes that exist without any file, so memberdeck works when installed as a lone binary:
/// `default`, and `monochrome` (which `Theme.withoutColor()` borrows attributes from). They are the
/// same YAML as `themes/default.yaml` and `themes/monochrome.yaml` (a test keeps them equal) and go
/// through the same loader.
extension Theme {
    /// The built-in default theme (dark backgrounds, colours degrading to 256 or 8).
    public static let `default` = builtin(BuiltinThemes.defaultYAML, name: "default")

    /// The built-in monochrome theme: attributes only.
    public static let monochrome = builtin(BuiltinThemes.monochromeYAML, name: "monochrome")

    /// The names of the built-in themes.
    public static let builtinNames = ["default", "monochrome"]

    /// A built-in theme by name.
    public static func builtin(named name: String) -> Theme? {
        switch name {
        case "default": return .default
        case "monochrome": return .monochrome
        default: return nil
        }
    }

    private static func builtin(_ yaml: String, name: String) -> Theme {
        do {
            return try ThemeLoader.parse(yaml, source: "built-in \(name) theme", defaultName: name)
        } catch {
            // Unreachable while the tests pass: the built-in YAML is checked by them.
            return Theme(name: name, styles: [:])
        }
    }
}

enum BuiltinThemes {
    static let defaultYAML = """
        name: default
        roles:
          normal: {}
          header: { fg: "#d0d0d0", bg: "#262626" }
          header.badge: { fg: "#000000", bg: "#ffaf00", bold: true }
          title: { fg: "#87afd7" }
          title.focused: { fg: "#5fd7ff", bold: true }
          border: { fg: "#585858" }
          border.focused: { fg: "#5fafff" }
          column.header: { fg: "#a8a8a8", bold: true }
          selection: { fg: "#ffffff", bg: "#005f87", bold: true }
          selection.unfocused: { fg: "#d0d0d0", bg: "#3a3a3a" }
          marked: { fg: "#ffd75f", bold: true }
          status.pending: { fg: yellow }
          status.accepted: { fg: green }
          status.rejected: { fg: red }
          status.inflight: { fg: cyan, bold: true }
          highlight.settled: { fg: "#000000", bg: "#87d787" }
          highlight.external: { fg: "#000000", bg: "#87afff" }
          highlight.failed: { fg: "#ffffff", bg: "#d70000", bold: true }
          own: { fg: "#87d7af" }
          dim: { fg: "#767676" }
          error: { fg: "#ff5f5f", bold: true }
          footer: { fg: "#bcbcbc" }
          footer.key: { fg: "#5fd7ff", bold: true }
          flash.info: { fg: "#87d787" }
          flash.warning: { fg: "#ffd75f", bold: true }
          flash.error: { fg: "#ffffff", bg: "#af0000", bold: true }
          prompt: { fg: "#ffffff", bold: true }
          dialog: { fg: "#e4e4e4", bg: "#303030" }
          dialog.title: { fg: "#ffffff", bg: "#303030", bold: true }
          dialog.key: { fg: "#5fd7ff", bg: "#303030", bold: true }
          dialog.button: { fg: "#e4e4e4", bg: "#4e4e4e" }
          dialog.button.focused: { fg: "#ffffff", bg: "#005f87", bold: true }
        """

    static let monochromeYAML = """
        name: monochrome
        roles:
          normal: {}
          header: { reverse: true }
          header.badge: { reverse: true, bold: true, underline: true }
          title: { bold: true }
          title.focused: { bold: true, reverse: true }
          border: {}
          border.focused: { bold: true }
          column.header: { underline: true }
          selection: { reverse: true, bold: true }
          selection.unfocused: { underline: true }
          marked: { bold: true }
          status.pending: { bold: true }
          status.accepted: {}
          status.rejected: { dim: true }
          status.inflight: { bold: true, underline: true }
          highlight.settled: { reverse: true }
          highlight.external: { reverse: true, underline: true }
          highlight.failed: { reverse: true, bold: true }
          own: { underline: true }
          dim: { dim: true }
          error: { bold: true }
          footer: {}
          footer.key: { bold: true }
          flash.info: {}
          flash.warning: { bold: true }
          flash.error: { reverse: true, bold: true }
          prompt: { bold: true }
          dialog: {}
          dialog.title: { bold: true }
          dialog.key: { bold: true }
          dialog.button: {}
          dialog.button.focused: { reverse: true, bold: true }
        """
}
