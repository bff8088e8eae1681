/// Seeded pseudo-random numbers (SplitMix64): a failing run is repeated exactly with its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Makes inputs: random bytes, mutated seeds, and shapes known to hurt parsers (deep nesting, long
/// runs of one character, huge numbers, invalid UTF-8, YAML aliases).
struct Mutator {
    var random: SeededRandom

    /// Fragments that break naive parsers, spliced into seeds or repeated.
    static let hostileFragments: [[UInt8]] = [
        "<", ">", "<br />", "<h1>", "</body>", "<title>", "&amp;", "&", "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800", "\\udfff",
        ":", ",", " ", "\n", "\r", "\t", "null", "true", "1e999", "-0", "99999999999999999999999", "NaN", "\u{202E}", "\u{200B}",
        "\u{1B}]0;title\u{07}", "*a", "&a", "<<: *a", "- ", "? ", "!!binary", "%YAML 1.1\n", "---\n", "...", "|\n", "'", "#",
        "/", "..", "%2e%2e", "0-1/", "/-1", "USERNAME=x | ", "org.x.Y: ",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0x00], [0x80]]

    mutating func number(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    mutating func input(from seeds: [[UInt8]]) -> [UInt8] {
        switch number(10) {
        case 0: return randomBytes(count: number(4096))
        case 1: return pathological()
        default:
            var bytes = seeds.isEmpty ? [] : seeds[number(seeds.count)]
            for _ in 0...number(8) { mutate(&bytes) }
            return bytes
        }
    }

    mutating func randomBytes(count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }

    /// A long run of one hostile fragment, or deep nesting, up to about 1 MiB.
    mutating func pathological() -> [UInt8] {
        let fragment = Self.hostileFragments[number(Self.hostileFragments.count)]
        let repeats = [10, 1_000, 40_000, 200_000][number(4)]
        var bytes: [UInt8] = []
        switch number(4) {
        case 0: for _ in 0..<repeats { bytes += fragment }
        case 1: bytes = Array(String(repeating: "[", count: repeats).utf8) + Array(String(repeating: "]", count: repeats).utf8)
        case 2: bytes = Array(String(repeating: "{\"a\":", count: min(repeats, 100_000)).utf8) + Array("1".utf8)
        default: bytes = Array(#"{"message":""#.utf8); for _ in 0..<repeats { bytes += fragment }; bytes += Array(#""}"#.utf8)
        }
        return Array(bytes.prefix(1_100_000))
    }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let at = number(bytes.count + 1)
        switch number(7) {
        case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << number(8))
        case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 2 where !bytes.isEmpty:
            let end = min(bytes.count, at + number(64))
            bytes.removeSubrange(at..<end)
        case 3: bytes.insert(contentsOf: Self.hostileFragments[number(Self.hostileFragments.count)], at: at)
        case 4:
            let fragment = Self.hostileFragments[number(Self.hostileFragments.count)]
            let run = Array([[UInt8]](repeating: fragment, count: 1 + number(5_000)).joined())
            bytes.insert(contentsOf: run, at: at)
        case 5 where bytes.count > 1:
            let end = min(bytes.count, at + number(256))
            bytes.insert(contentsOf: bytes[at..<end], at: number(bytes.count + 1))
        default: bytes = Array(bytes.prefix(at))
        }
        if bytes.count > 2_000_000 { bytes = Array(bytes.prefix(2_000_000)) }
    }
}
