/// Finds an alias used as a mapping key (`*name: value`, `? *name`) before Yams composes the text:
/// Yams checks keys for duplicates by hashing them whole while it composes, so an alias of an
/// alias bomb as a key costs exponential time before any budget can count it. memberdeck's files
/// never need such keys, so they are refused.
///
/// A text scan, not a parser: it skips quoted scalars and comments, and reads an alias name as
/// libyaml does (letters, digits, `-`, `_`). Text inside a block scalar (`|`, `>`) that looks like
/// `*name: …` is refused too, which no configuration of memberdeck contains.
enum AliasKeyScan {
    /// The 1-based line of the first alias used as a key, or nil.
    static func firstAliasKey(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        /// Whether the last token was a `?` explicit-key indicator.
        var afterQuestionMark = false
        // Each turn moves `index` forward by at least one byte.
        while index < bytes.count {
            let byte = bytes[index]
            let atTokenStart = index == 0 || isSeparator(bytes[index - 1])
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
                continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "#") where index == 0 || isWhiteSpace(bytes[index - 1]):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index = skipQuoted(bytes, from: index, line: &line)
                afterQuestionMark = false
                continue
            case UInt8(ascii: "?") where atTokenStart && (index + 1 == bytes.count || isSeparator(bytes[index + 1])):
                afterQuestionMark = true
                index += 1
                continue
            case UInt8(ascii: "*") where atTokenStart:
                var end = index + 1
                while end < bytes.count, isAnchorByte(bytes[end]) { end += 1 }
                if end > index + 1 && (afterQuestionMark || isFollowedByKeyColon(bytes, from: end)) { return line }
                index = end
            default:
                index += 1
            }
            afterQuestionMark = false
        }
        return nil
    }

    /// The index after a quoted scalar starting at `start`; counts the lines it spans.
    private static func skipQuoted(_ bytes: [UInt8], from start: Int, line: inout Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { line += 1 }
                index += 2
                continue
            }
            if byte == quote {
                // '' inside a single-quoted scalar is an escaped quote.
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return index
    }

    /// `[ \t]*:` then a space, the end of the line or text, or a flow indicator.
    private static func isFollowedByKeyColon(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        let next = index + 1
        return next == bytes.count || isSeparator(bytes[next]) || [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[next])
    }

    /// What may come before a token: white space, or a flow indicator that opens or separates.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        isWhiteSpace(byte) || [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ",")].contains(byte)
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")].contains(byte)
    }

    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
