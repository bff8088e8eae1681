import Foundation
import GRDB

/// The pieces of Atmosphere's querysets that several viewsets share: who the caller is in SQL (`:me`,
/// -1 for an anonymous caller, which matches no row) and Atmosphere's `only_current()` (`:now`).
enum AtmosphereVisibility {
    /// `only_current()` on the table aliased `alias`: not end-dated, or end-dated in the future.
    static func current(_ alias: String) -> String {
        "(\(alias).end_date IS NULL OR \(alias).end_date > :now)"
    }

    /// `:me` and `:now` for the statements above.
    static func arguments(_ caller: AtmosphereCaller?, now: Date = Date()) -> StatementArguments {
        ["me": caller?.id ?? -1, "now": SandboxClock.iso8601Seconds(now)]
    }

    /// DRF `SearchFilter`'s terms: the last `search` value, commas read as spaces, split on whitespace.
    static func searchTerms(_ call: AtmosphereCall) -> [String] {
        let value = AtmospherePagination.last("search", in: call.query) ?? ""
        return value.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
