import ArgumentParser
@testable import memberdeck
import Testing

/// `--refresh` is checked by the same rule as config.yaml's `refresh`.
@Suite("Console options")
struct ConsoleOptionsTests {
    @Test("--refresh refuses numbers that are not finite or out of range", arguments: ["inf", "nan", "1e300", "86401", "0.5", "soon"])
    func refusedRefresh(value: String) {
        #expect(throws: (any Error).self) { try ConsoleOptions.parse(["--refresh", value]) }
    }

    @Test("--refresh takes seconds from 1 to 86400, or off")
    func acceptedRefresh() throws {
        #expect(try ConsoleOptions.parse(["--refresh", "30"]).refreshInterval == .some(30))
        #expect(try ConsoleOptions.parse(["--refresh", "86400"]).refreshInterval == .some(86_400))
        #expect(try ConsoleOptions.parse(["--refresh", "off"]).refreshInterval == .some(nil))
    }
}
