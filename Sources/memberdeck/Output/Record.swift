/// A value in command output, kept typed so json and yaml print numbers and booleans as such.
enum FieldValue: Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case null
    case list([String])

    /// The value as table, csv and value formats show it.
    var text: String {
        switch self {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .bool(b): return b ? "True" : "False"
        case .null: return ""
        case let .list(items): return items.joined(separator: ", ")
        }
    }

    init(_ string: String?) { self = string.map(FieldValue.string) ?? .null }
    init(_ int: Int64?) { self = int.map(FieldValue.int) ?? .null }
    init(_ int: Int?) { self = int.map { .int(Int64($0)) } ?? .null }
    init(_ bool: Bool?) { self = bool.map(FieldValue.bool) ?? .null }
    init(_ list: [String]?) { self = list.map(FieldValue.list) ?? .null }
}

/// One output row: API field names in a fixed order.
struct Record: Equatable {
    var fields: [(key: String, value: FieldValue)]

    init(_ fields: [(key: String, value: FieldValue)]) { self.fields = fields }

    subscript(key: String) -> FieldValue? { fields.first(where: { $0.key == key })?.value }

    static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Which fields a table shows, and under which heading.
struct Column {
    var key: String
    var heading: String
}

/// What a command prints: records, the table columns, and whether it is one object (`show`) or a list.
struct Listing {
    var columns: [Column]
    var records: [Record]
    var single: Bool = false
}
