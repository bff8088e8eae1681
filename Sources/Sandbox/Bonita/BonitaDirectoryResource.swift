import Foundation
import GRDB

/// One searchable part of the organisation (`identity/user`, `identity/group`, `identity/role`): which
/// columns `s`, `o` and `f` work on, how a row becomes Bonita's all-strings item, and what a missing item
/// answers. The three differ only in these facts, so one search and one get serve them all.
struct BonitaDirectoryResource: Sendable {
    /// The resource name in the URL and in error bodies.
    let name: String
    /// `SELECT … FROM …` giving every column the item needs.
    let select: String
    /// Columns whose words `s` matches by prefix.
    let searchColumns: [String]
    /// Attribute names accepted by `o`, and their SQL expression.
    let orderColumns: [String: String]
    let defaultOrder: String
    /// Attribute names accepted by `f`, and their SQL condition with one `?` for the value. Bonita ignores
    /// filters it does not know; so does the sandbox.
    let filters: [String: String]
    let item: @Sendable (Row) -> JSONValue
    /// The answer to a GET of an id that does not exist.
    let notFound: @Sendable (_ id: Int, _ caller: BonitaCaller) -> BonitaFault

    /// One item, or nil.
    func fetch(_ id: Int, in db: Database) throws -> JSONValue? {
        try Row.fetchOne(db, sql: select + " WHERE id = ?", arguments: [id]).map(item)
    }

    /// One page of the search and the total it was cut from.
    func search(_ query: BonitaSearchRequest, caller: BonitaCaller, in db: Database) throws -> (items: [JSONValue], total: Int) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let term = query.search?.trimmingCharacters(in: .whitespaces), !term.isEmpty {
            // Bonita's search term matches the start of any word of the searched fields, ignoring case. A
            // plain substring test rather than LIKE: no wildcard to escape, and no pattern length limit
            // (SQLite refuses LIKE patterns past 50,000 bytes; Bonita's database takes any term).
            let word = ExactText.placeholder
            conditions.append("(" + searchColumns.map {
                "instr(lower(\($0)), lower(\(word))) = 1 OR instr(lower(\($0)), ' ' || lower(\(word))) > 0"
            }.joined(separator: " OR ") + ")")
            for _ in searchColumns { arguments += [ExactText.argument(term), ExactText.argument(term)] }
        }
        for filter in query.filters {
            guard let condition = filters[filter.name], let value = filter.value else { continue }
            conditions.append(ExactText.bindingEach(condition))
            arguments.append(ExactText.argument(value))
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let orderClause = try orderBy(query.order, caller: caller)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(select)\(whereClause))", arguments: StatementArguments(arguments)) ?? 0
        let rows = try Row.fetchAll(db, sql: select + whereClause + " ORDER BY " + orderClause + " LIMIT ? OFFSET ?",
                                    arguments: StatementArguments(arguments + [max(query.count, 0), max(query.offset, 0)]))
        return (rows.map(item), total)
    }

    /// `o`'s terms (see `BonitaSort`), each attribute checked as the engine does, then the id so pages never
    /// overlap. A column already sorted on cannot order rows again, so later terms on it are left out: a list
    /// of thousands of terms sorts as Bonita does, in an ORDER BY of a few.
    private func orderBy(_ order: String?, caller: BonitaCaller) throws -> String {
        var used: Set<String> = []
        var terms: [String] = []
        for sort in try BonitaSort.parse(order) ?? [] {
            guard let column = orderColumns[sort.attribute] else {
                throw BonitaFault.internalError(.wrapping(
                    engineClass: "org.bonitasoft.engine.exception.SearchException",
                    engineMessage: "USERNAME=\(caller.userName) | Can't sort on the unknown attribute \(sort.attribute)", resource: name))
            }
            if used.insert(column).inserted { terms.append("\(column) \(sort.descending ? "DESC" : "ASC")") }
        }
        if terms.isEmpty { terms = [defaultOrder] }
        return (terms + ["id ASC"]).joined(separator: ", ")
    }
}
