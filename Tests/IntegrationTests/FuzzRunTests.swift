import Foundation
import Testing

/// The bounded fuzz run (`memberdeck-fuzz`): random and adversarial bytes into every decoder of
/// server answers and configuration, in a child process so that a crash, a hang past the bound or
/// memory past the bound fails this test rather than the test runner. A stress test: `scripts/test`
/// runs the suites named `Stress…` after the others, alone, so that they starve no other test.
@Suite("Bounded fuzz run")
struct StressFuzzRunTests {
    static var fuzzBinary: String {
        (CLI.memberdeckBinary as NSString).deletingLastPathComponent + "/memberdeck-fuzz"
    }

    @Test("30 seconds over every decoder: no crash, no input over 3 s, peak memory under 768 MiB")
    func fuzz() async throws {
        let seed = String(UInt32.random(in: 0...UInt32.max))
        let result = try await ProcessRunner.run(Self.fuzzBinary, ["--seconds", "30", "--seed", seed, "--input-seconds", "3", "--memory-mib", "768"],
                                                 environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(result.status == 0, "seed \(seed): \(result.stderr)\n\(result.stdout.suffix(2000))")
        #expect(result.stdout.contains("inputs, peak memory"), "\(result.stdout)")
        #expect(result.peakMemoryKiB < 768 * 1024)
    }
}
