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
            // Bonita's search term matches the start of any word of the searched fields.
            let escaped = term.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            conditions.append("(" + searchColumns.map { "\($0) LIKE ? ESCAPE '\\' OR \($0) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            for _ in searchColumns { arguments += [escaped + "%", "% " + escaped + "%"] }
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

    /// `o` as `attribute [ASC|DESC]` (comma-separated for several), then the id so pages never overlap.
    private func orderBy(_ order: String?, caller: BonitaCaller) throws -> String {
        let text = (order ?? "").isEmpty ? defaultOrder : order!
        var terms: [String] = []
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let attribute = words.first else { continue }
            let direction = words.count > 1 ? words[1].uppercased() : "ASC"
            guard direction == "ASC" || direction == "DESC" else {
                throw BonitaFault.internalError(.java("java.lang.IllegalArgumentException", "No enum constant org.bonitasoft.engine.search.Order.\(direction)"))
            }
            guard let column = orderColumns[attribute] else {
                throw BonitaFault.internalError(.wrapping(
                    engineClass: "org.bonitasoft.engine.exception.SearchException",
                    engineMessage: "USERNAME=\(caller.userName) | Can't sort on the unknown attribute \(attribute)", resource: name))
            }
            terms.append("\(column) \(direction)")
        }
        return (terms + ["id ASC"]).joined(separator: ", ")
    }
}
