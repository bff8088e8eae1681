#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over UTF-8 bytes, for `/` over 100,000 rows. With Foundation in the module,
/// `String.contains` goes through NSString (each row converted to UTF-16, then a locale-aware
/// search) and a keystroke cost a quarter of a second; a byte search on the rows' own UTF-8 costs a few
/// milliseconds. Both sides are lowercased first, so this is the case-insensitive match `/` promises
/// (byte-exact: a decomposed "é" does not match a precomposed one, as in `grep`).
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = haystack
        return text.withUTF8 { bytes in
            needle.withUnsafeBufferPointer { search(bytes, $0) }
        }
    }

    /// `memchr` to each candidate first byte, then `memcmp` for the rest (glibc's `memmem` is not
    /// visible to Swift without `_GNU_SOURCE`).
    static func search(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = bytes.baseAddress, let wanted = needle.baseAddress, bytes.count >= needle.count else { return false }
        let first = Int32(wanted.pointee)
        let lastStart = bytes.count - needle.count
        var offset = 0
        while offset <= lastStart {
            guard let found = memchr(base + offset, first, lastStart - offset + 1) else { return false }
            let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + position, wanted, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}

/// Where a row's lowered texts are in a pane's search bytes, in 8 bytes instead of a
/// `Range<Int>`'s 16 (0.8 MB at 100,000 rows). A row whose texts would end past 4 GiB of search
/// bytes is `outside`, and is searched in its own texts.
struct SearchSpan: Sendable, Equatable {
    private let start: UInt32
    private let end: UInt32

    static let outside = SearchSpan(start: .max, end: 0)

    private init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    /// Nil when the range does not fit in 32 bits.
    init?(_ range: Range<Int>) {
        guard let start = UInt32(exactly: range.lowerBound), let end = UInt32(exactly: range.upperBound), end < .max else { return nil }
        self.init(start: start, end: end)
    }

    /// The span's bytes, or nil for a row outside the search bytes.
    var range: Range<Int>? { start > end ? nil : Int(start)..<Int(end) }
}
