import Testing
@testable import Console

/// The pane's key index against a Dictionary doing the same work, over scattered keys with repeats.
@Suite("Key index")
struct KeyIndexTests {
    @Test("built at once or key by key, it finds what a Dictionary finds (first of a repeated key wins)", arguments: [1, 2, 3, 4, 5])
    func agreesWithDictionary(seed: UInt64) {
        // 3,000 keys over 2,000 values, scattered by a multiplier prime to 2,000: a third repeat.
        let keys = (0..<3000).map { "k\(($0 &* 7919 &+ Int(seed) &* 104_729) % 2000)" }
        var expected: [String: Int] = [:]
        for (position, key) in keys.enumerated() where expected[key] == nil { expected[key] = position }

        var built = KeyIndex()
        let repeated = built.rebuild(count: keys.count) { keys[$0] }
        var grown = KeyIndex()
        for (position, key) in keys.enumerated() { grown.insert(key, at: position) { keys[$0] } }

        #expect(repeated.count == keys.count - expected.count)
        #expect(built.count == expected.count && grown.count == expected.count)
        for key in Set(keys) {
            #expect(built.position(of: key) { keys[$0] } == expected[key], "seed \(seed): \(key)")
            #expect(grown.position(of: key) { keys[$0] } == expected[key], "seed \(seed): \(key)")
        }
        for missing in ["", "k-1", "k2000", "K1"] {
            #expect(built.position(of: missing) { keys[$0] } == nil)
            #expect(grown.position(of: missing) { keys[$0] } == nil)
        }
    }

    @Test("an empty index finds nothing, and indexes of the same keys are equal")
    func emptyAndEqual() {
        let empty = KeyIndex()
        #expect(empty.position(of: "a") { _ in "a" } == nil)
        let keys = ["b", "a", "c"]
        var one = KeyIndex()
        one.rebuild(count: 3) { keys[$0] }
        var two = KeyIndex()
        for position in [0, 1, 2] { two.insert(keys[position], at: position) { keys[$0] } }
        #expect(one == two)
    }
}
