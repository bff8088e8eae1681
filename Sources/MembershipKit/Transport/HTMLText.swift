/// The visible text of an HTML error page, in one pass over its characters.
///
/// Only what an error page needs: the `<body>` when there is one, without the `<h1>` and `<title>`
/// that repeat the status line, each tag (`<br />` included) read as a space. A `<` with no `>`
/// after it is text. Every character is looked at a bounded number of times, so a hostile page
/// (40,000 `<`, tags that never close) costs time linear in its length.
enum HTMLText {
    static func visibleText(of html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        let (first, end) = bodyRange(scalars)
        var start = first
        var out = String.UnicodeScalarView()
        let lastClose = scalars[start..<end].lastIndex(of: ">") ?? -1
        /// Elements whose closing tag was looked for and not found: never looked for again.
        var unclosed = Set<String>()
        while start < end {
            let scalar = scalars[start]
            guard scalar == "<", start < lastClose, let close = scalars[start..<end].firstIndex(of: ">") else {
                out.append(scalar)
                start += 1
                continue
            }
            let name = tagName(scalars, from: start + 1, to: close)
            out.append(" ")
            start = close + 1
            if name == "h1" || name == "title", !unclosed.contains(name) {
                if let after = find(Array("</\(name)".unicodeScalars), in: scalars, from: start, to: end),
                   let tagEnd = scalars[after..<end].firstIndex(of: ">") {
                    start = tagEnd + 1
                } else {
                    unclosed.insert(name)
                }
            }
        }
        return String(out)
    }

    /// The part between `<body …>` and `</body>`, or the whole page.
    static func bodyRange(_ scalars: [Unicode.Scalar]) -> (Int, Int) {
        guard let open = find(Array("<body".unicodeScalars), in: scalars, from: 0, to: scalars.count),
              let tagEnd = scalars[open..<scalars.count].firstIndex(of: ">") else { return (0, scalars.count) }
        let start = tagEnd + 1
        let closing = find(Array("</body>".unicodeScalars), in: scalars, from: start, to: scalars.count)
        return (start, closing.map { $0 - "</body>".unicodeScalars.count } ?? scalars.count)
    }

    /// The lowercased name of the tag whose text starts at `from` (`br` for `<br />`, `/h1` for `</h1>`).
    static func tagName(_ scalars: [Unicode.Scalar], from: Int, to: Int) -> String {
        var name = String.UnicodeScalarView()
        var index = from
        while index < to, name.count < 16 {
            let scalar = scalars[index]
            guard scalar == "/" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { break }
            name.append(scalar)
            index += 1
        }
        return String(name).lowercased()
    }

    /// The index just after the first case-insensitive (ASCII) occurrence of `needle` in `from..<to`.
    /// The needles are short and fixed, so this is linear in the range.
    static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        guard !needle.isEmpty, to - from >= needle.count else { return nil }
        var index = from
        while index + needle.count <= to {
            var matched = true
            for offset in 0..<needle.count where lowered(scalars[index + offset]) != needle[offset] {
                matched = false
                break
            }
            if matched { return index + needle.count }
            index += 1
        }
        return nil
    }

    static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}
