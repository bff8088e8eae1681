import Foundation
import GRDB

/// Text bound to and read from SQLite byte for byte. SQLite keeps a text value's every byte, NUL included,
/// but GRDB passes Swift strings to it as C strings and reads them back as C strings, both of which end at
/// the first NUL: `a\u0000b` would be stored as `a` and would find the row of `a`. Ids that clients choose
/// (Glance member ids) and names looked up for a login therefore go through here: bound as the UTF-8 bytes
/// of a blob that SQL turns back into text, and read back as a blob of the column.
enum ExactText {
    /// The placeholder for a value given by `argument(_:)`.
    static let placeholder = "CAST(? AS TEXT)"

    static func argument(_ text: String) -> Data { Data(text.utf8) }

    /// An SQL fragment whose every `?` takes a value given by `argument(_:)`.
    static func bindingEach(_ sql: String) -> String { sql.replacingOccurrences(of: "?", with: placeholder) }

    /// `column` as a blob, to select under an alias and read with `read(_:_:)`.
    static func column(_ name: String) -> String { "CAST(\(name) AS BLOB)" }

    static func read(_ row: Row, _ alias: String) -> String {
        String(decoding: (row[alias] as Data?) ?? Data(), as: UTF8.self)
    }
}
