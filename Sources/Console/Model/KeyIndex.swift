/// Where each key's row is in a pane: an open-addressing table of 32-bit positions that compares
/// keys against the rows themselves, so a key is stored once (in its row). A `[String: Int]` held
/// every key again with a 64-bit position and grew to 262,144 buckets of 24 bytes for 100,000 rows
/// (6 MB); this holds 4 bytes a bucket (1 MB).
///
/// Derived from the rows: two indexes of the same rows are equal whatever order built them.
struct KeyIndex: Sendable, Equatable {
    /// 0 is an empty slot; any other value is a position + 1.
    private var slots: [UInt32] = []
    private(set) var count = 0

    static func == (lhs: KeyIndex, rhs: KeyIndex) -> Bool { lhs.count == rhs.count }

    /// The position of `key`, reading keys through `keyAt` (position → that row's key).
    func position(of key: String, keyAt: (Int) -> String) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = key.hashValue & mask
        // Bounded: the table is never more than three quarters full, so an empty slot ends the probe.
        for _ in 0..<slots.count {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let position = Int(stored) - 1
            if keyAt(position) == key { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Records `key` at `position` unless the key is there already (the first row of a key wins).
    /// Returns whether it was added. `keyAt` must answer for every position recorded so far.
    @discardableResult
    mutating func insert(_ key: String, at newPosition: Int, keyAt: (Int) -> String) -> Bool {
        if position(of: key, keyAt: keyAt) != nil { return false }
        if (count + 1) * 4 > slots.count * 3 { grow(keyAt: keyAt) }
        place(key, newPosition, mask: slots.count - 1)
        count += 1
        return true
    }

    /// An index of the keys at positions `0..<count`, the first of a repeated key winning; returns the
    /// positions of the rows whose key came earlier (none, usually).
    @discardableResult
    mutating func rebuild(count rowCount: Int, keyAt: (Int) -> String) -> [Int] {
        var capacity = 16
        while capacity * 3 < rowCount * 4 { capacity *= 2 }
        slots = [UInt32](repeating: 0, count: capacity)
        count = 0
        var repeated: [Int] = []
        for position in 0..<rowCount where !insert(keyAt(position), at: position, keyAt: keyAt) {
            repeated.append(position)
        }
        return repeated
    }

    private mutating func grow(keyAt: (Int) -> String) {
        let old = slots
        slots = [UInt32](repeating: 0, count: max(16, old.count * 2))
        let mask = slots.count - 1
        for stored in old where stored != 0 {
            place(keyAt(Int(stored) - 1), Int(stored) - 1, mask: mask)
        }
    }

    private mutating func place(_ key: String, _ position: Int, mask: Int) {
        var slot = key.hashValue & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = UInt32(position + 1)
    }
}
