/// A theme that cannot be used, reported on one line as `file:line: message` so the operator can go
/// straight to the mistake (`themes/x.yaml:7: unknown role 'selektion'`).
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (as given to the loader), or the theme name when no file was found.
    public var source: String
    /// 1-based line, when the mistake has one.
    public var line: Int?
    public var message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
