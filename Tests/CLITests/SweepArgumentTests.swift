@testable import memberdeck
import Testing

/// The arguments of the commands that read every cloud and sweep shares.
@Suite("Sweep and inbox arguments")
struct SweepArgumentTests {
    @Test("--pending-older-than takes a whole number and a unit", arguments: [("30d", 2_592_000.0), ("12h", 43_200), ("90m", 5_400), ("2w", 1_209_600), ("0s", 0)])
    func durations(text: String, seconds: Double) {
        #expect(AgeLimit(argument: text)?.seconds == seconds)
    }

    @Test("anything else is refused", arguments: ["", "d", "30", "3x", "-1d", "1.5d", "99999999999d", "1 d"])
    func refusedDurations(text: String) {
        #expect(AgeLimit(argument: text) == nil)
    }

    @Test("a sweep needs something to sweep; --keep-pending needs --accept; --all-clouds excludes --cloud and --os-cloud")
    func combinations() {
        #expect(throws: (any Error).self) { try SweepCommand.parse([]) }
        #expect(throws: Never.self) { try SweepCommand.parse(["--rejected"]) }
        #expect(throws: (any Error).self) { try MembersCommand.Add.parse(["img", "p", "--keep-pending"]) }
        #expect(throws: (any Error).self) { try InboxCommand.parse(["--all-clouds", "--cloud", "a"]) }
        #expect(throws: (any Error).self) { try InboxCommand.parse(["--all-clouds", "--os-cloud", "a"]) }
        #expect(throws: (any Error).self) { try InboxCommand.parse(["--cloud", "a", "--sandbox"]) }
        #expect(throws: (any Error).self) { try InboxCommand.parse(["--status", "maybe"]) }
        #expect(throws: Never.self) { try InboxCommand.parse(["--cloud", "a", "--cloud", "b", "--all-projects", "--status", "all"]) }
    }
}
