extension String {
    /// The text with each Unicode scalar replaced as `escape` says (nil keeps it): the one loop behind the
    /// sandbox's escapers (JSON strings, Python's `repr`, webob's HTML), each of which is then only its table.
    func escapingScalars(_ escape: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if let replacement = escape(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
