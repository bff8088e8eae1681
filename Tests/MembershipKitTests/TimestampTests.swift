import Foundation
import Testing
@testable import MembershipKit

/// The timestamp forms of Glance, Keystone and Bonita.
@Suite("Timestamps")
struct TimestampTests {
    /// 2026-11-22T15:40:32Z
    static let reference = Date(timeIntervalSince1970: 1_795_362_032)

    @Test("the whole-second forms all mean the same instant", arguments: [
        "2026-11-22T15:40:32Z",             // Glance
        "2026-11-22T15:40:32.000000Z",      // Keystone
        "2026-11-22T15:40:32+00:00",
        "2026-11-22T17:40:32+02:00",
        "2026-11-22T10:40:32-05:00",
        "2026-11-22T17:40:32+0200",
        "2026-11-22 15:40:32",
        "2026-11-22 15:40:32.000",           // Bonita
        "  2026-11-22T15:40:32Z ",
    ])
    func sameInstant(text: String) {
        #expect(Timestamp.parse(text) == Self.reference)
    }

    @Test("fractions of any length are kept", arguments: [
        ("2026-11-22T15:40:32.5Z", 0.5),
        ("2026-11-22 15:40:32.123", 0.123),
        ("2026-11-22T15:40:32.250000Z", 0.25),
        ("2026-11-22T15:40:32.123456+00:00", 0.123456),
    ])
    func fractions(text: String, fraction: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince(Self.reference) - fraction) < 0.000_001)
    }

    @Test("text that is not a timestamp gives nil", arguments: [
        "", "garbage", "2026-11-22", "tomorrow at noon!!", "2026-11-22T15:40:32+2", "2026-11-22T15:40:32 UTC", "2026-xx-22T15:40:32Z",
    ])
    func invalid(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("format writes Glance's form, and parse reads it back")
    func format() {
        #expect(Timestamp.format(Self.reference) == "2026-11-22T15:40:32Z")
        #expect(Timestamp.parse(Timestamp.format(Self.reference)) == Self.reference)
    }
}
