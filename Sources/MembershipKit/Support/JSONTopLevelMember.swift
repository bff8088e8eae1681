import Foundation

/// Reads one string member of a JSON object's top level without decoding the rest: the link to a
/// listing's next page, wanted before the page's 1,000 images are decoded so that the next request
/// runs meanwhile. (`JSONDecoder` scans the whole document before it answers anything: for the link
/// alone that cost half as much as decoding the page itself.)
///
/// Strings are skipped with their escapes and nested values by their depth, so a `"next"` inside an
/// image (Glance lets users give images any property) is never taken for the page's own. Anything
/// this does not follow (a malformed document, a value that is not a string, a key written with
/// escapes) answers nil: the caller then reads the link from the decoded page instead, and that
/// decoding reports what is wrong. One pass, no recursion, no allocation but the answer.
public enum JSONTopLevelMember {
    public static func string(_ key: String, in data: Data) -> String? {
        data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.string(forKey: Array(key.utf8))
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func string(forKey key: [UInt8]) -> String? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == Self.quote, let keyEnd = endOfString(from: position) else { return nil }
                let isWanted = bytes[(position + 1)..<(keyEnd - 1)].elementsEqual(key)
                position = keyEnd
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let valueEnd = endOfValue(from: position) else { return nil }
                if isWanted {
                    return bytes[position] == Self.quote ? decodeString(bytes[position..<valueEnd]) : nil
                }
                position = valueEnd
                skipSpace()
                guard take(UInt8(ascii: ",")) else { return nil }
            }
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        /// The index just past the string that opens at `start` (a quote), or nil if it never closes.
        private func endOfString(from start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case Self.backslash: index += 2
                case Self.quote: return index + 1
                default: index += 1
                }
            }
            return nil
        }

        /// The index just past the value that starts at `start`: a string, an object or array (by
        /// depth, skipping the strings inside), or a scalar (up to the next delimiter).
        private func endOfValue(from start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            switch bytes[start] {
            case Self.quote:
                return endOfString(from: start)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                var index = start
                while index < bytes.count {
                    switch bytes[index] {
                    case Self.quote:
                        guard let end = endOfString(from: index) else { return nil }
                        index = end
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return index + 1 }
                    default:
                        break
                    }
                    index += 1
                }
                return nil
            default:
                var index = start
                while index < bytes.count, !",}] \t\r\n".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? index : nil
            }
        }

        /// A string token, quotes included. Without escapes its bytes are the text; with them, the
        /// decoder reads it (`\u` escapes, surrogate pairs).
        private func decodeString(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            let inner = token.dropFirst().dropLast()
            if !inner.contains(Self.backslash) { return String(decoding: inner, as: UTF8.self) }
            return try? JSONDecoder().decode(String.self, from: Data(token))
        }
    }
}
