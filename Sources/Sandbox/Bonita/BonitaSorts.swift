/// `o` of a directory search (`identity/user`, `group`, `role`), read as Bonita's `Sorts` and `Sort` read it:
/// a blank `o` means the resource's default order; otherwise the text is cut with Java's `split(",")`, and
/// each term with `split(" ")` into an attribute and an optional direction for `Order.valueOf`. Every term
/// is read (and may fail) before the engine looks at any attribute.
struct BonitaSort: Sendable, Equatable {
    let attribute: String
    let descending: Bool

    /// The terms of `o`, or nil for a blank `o`.
    static func parse(_ text: String?) throws -> [BonitaSort]? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return try javaSplit(text, on: ",").map { term in
            let words = javaSplit(term, on: " ")
            guard let attribute = words.first else {
                throw BonitaFault.internalError(.java("java.lang.ArrayIndexOutOfBoundsException", "Index 0 out of bounds for length 0"))
            }
            guard words.count > 1 else { return BonitaSort(attribute: attribute, descending: false) }
            switch words[1].uppercased() {
            case "ASC": return BonitaSort(attribute: attribute, descending: false)
            case "DESC": return BonitaSort(attribute: attribute, descending: true)
            case let other:
                throw BonitaFault.internalError(.java("java.lang.IllegalArgumentException", "No enum constant org.bonitasoft.engine.search.Order.\(other)"))
            }
        }
    }

    /// Java's `String.split` by one character: empty pieces are kept except at the end; a text without the
    /// separator is one piece, even when empty.
    static func javaSplit(_ text: String, on separator: Character) -> [String] {
        var pieces = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard pieces.count > 1 else { return pieces }
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces
    }
}
