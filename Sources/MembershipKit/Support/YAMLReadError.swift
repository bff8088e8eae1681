import Yams

/// Why a YAML file could not be read: one line naming the file and, where known, the line.
public struct YAMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based line of the problem, when there is one.
    public let line: Int?
    public let column: Int?
    public let problem: String

    public init(path: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// The problem with its position: `line L, column C: problem`.
    public var detail: String {
        switch (line, column) {
        case let (line?, column?): return "line \(line), column \(column): \(problem)"
        case let (line?, nil): return "line \(line): \(problem)"
        default: return problem
        }
    }

    public var description: String { "\(path): \(detail)" }
}

extension YAMLReadError {
    /// Yams' errors as `line L, column C: problem (context)`, on one line.
    init(path: String, yamlError error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            self.init(path: path, line: mark.line, column: mark.column, problem: problem + contextText)
        case let .duplicatedKeysInMapping(duplicates, context):
            self.init(path: path, line: context.mark.line, problem: "duplicate keys: \(duplicates.joined(separator: ", "))")
        case let .reader(problem, offset, _, _):
            self.init(path: path, problem: "at byte \(offset ?? 0): \(problem)")
        default:
            self.init(path: path, problem: String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }
}
