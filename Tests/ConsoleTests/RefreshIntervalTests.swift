import Foundation
import GlanceScript
import Testing
@testable import Console

@Suite("Refresh interval: one reading for --refresh, :refresh and config.yaml")
struct RefreshIntervalTests {
    @Test("numbers from 1 s to a day, and off", arguments: [("1", 1.0), ("10", 10.0), ("2.5", 2.5), ("86400", 86_400.0)])
    func accepted(text: String, seconds: Double) {
        #expect(RefreshInterval.parse(text) == .some(.some(seconds)))
    }

    @Test("off and false switch it off", arguments: ["off", "OFF", "false"])
    func off(text: String) {
        #expect(RefreshInterval.parse(text) == .some(nil))
    }

    @Test("anything else is refused: not finite, too small, too large, not a number", arguments: ["nan", "inf", "-inf", "1e308", "0", "0.5", "-1", "86401", "", "ten"])
    func refused(text: String) {
        #expect(RefreshInterval.parse(text) == nil)
    }

    @Test(":refresh nan is refused with a flash and changes nothing")
    func refreshCommandRefusesNaN() {
        var console = ConsoleFixture.connected()
        let before = console.state.settings.refreshInterval
        CommandTests.run(&console, "refresh nan")
        #expect(console.state.settings.refreshInterval == before)
        #expect(console.state.flash?.level == .error)
        #expect(console.state.flash?.text.contains("at least 1 and at most 86400") == true)
    }
}
