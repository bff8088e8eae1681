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
        "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-22T24:00:00Z",
        "2026-11-22T15:60:00Z", "2026-11-22X15:40:32Z", "2026-11-22T15:40:32+25:00", "2026-11-22T15:40:32+02:60",
        "2026-11-22T15:40:32Zjunk", "٢٠٢٦-11-22T15:40:32Z", "+026-11-22T15:40:32Z",
    ])
    func invalid(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("leap days, the epoch, dates before it and a very long fraction")
    func calendarEdges() throws {
        #expect(Timestamp.parse("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(Timestamp.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
        #expect(Timestamp.parse("2024-02-29 12:00:00") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(Timestamp.parse("0001-01-01T00:00:00Z") == Date(timeIntervalSince1970: -62_135_596_800))
        #expect(Timestamp.parse("9999-12-31T23:59:59Z") == Date(timeIntervalSince1970: 253_402_300_799))
        let long = try #require(Timestamp.parse("2026-11-22T15:40:32." + String(repeating: "5", count: 10_000) + "Z"))
        #expect(abs(long.timeIntervalSince(Self.reference) - 0.555_555_555) < 0.000_001)
    }

    @Test("minutes: to the minute, in UTC, across the epoch")
    func minutes() {
        #expect(Timestamp.minutes(Self.reference) == "2026-11-22 15:40")
        #expect(Timestamp.minutes(Date(timeIntervalSince1970: -60)) == "1969-12-31 23:59")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_868_799)) == "2000-02-29T23:59:59Z")
    }

    @Test("format writes Glance's form, and parse reads it back")
    func format() {
        #expect(Timestamp.format(Self.reference) == "2026-11-22T15:40:32Z")
        #expect(Timestamp.parse(Timestamp.format(Self.reference)) == Self.reference)
    }
}
