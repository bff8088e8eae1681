import Foundation
@_spi(Fuzzing) import MembershipKit

/// The bounded fuzz run: feeds random and adversarial bytes to every decoder of server answers and
/// of configuration, for a fixed time, and fails (exit 1) on a hang past a bound or memory past a
/// bound; a crash fails by itself. Deterministic for a seed, which every run prints.
///
///     memberdeck-fuzz [--seconds 40] [--seed N] [--input-seconds 3] [--memory-mib 768]
struct FuzzOptions {
    var seconds = 40.0
    var seed = UInt64(UInt32.random(in: 0...UInt32.max))
    var inputSeconds = 3.0
    var memoryMiB = 768

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--seconds": seconds = Double(value) ?? seconds
            case "--seed": seed = UInt64(value) ?? seed
            case "--input-seconds": inputSeconds = Double(value) ?? inputSeconds
            case "--memory-mib": memoryMiB = Int(value) ?? memoryMiB
            default:
                FileHandle.standardError.write(Data("memberdeck-fuzz: unknown argument '\(argument)'\n".utf8))
                exit(2)
            }
        }
    }
}

/// Kills the run when one input takes longer than the bound: a hang must fail, not wait for CI's limit.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (name: String, started: ContinuousClock.Instant, input: [UInt8])?

    func start(bound: Double, seed: UInt64) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.1)
                let (name, started, input) = lock.withLock { current.map { ($0.name, $0.started, $0.input) } ?? ("", .now, []) }
                guard !name.isEmpty, started.duration(to: .now) > .milliseconds(Int64(bound * 1000)) else { continue }
                let sample = Data(input.prefix(256)).base64EncodedString()
                FileHandle.standardError.write(Data("memberdeck-fuzz: FAIL \(name): one input took over \(bound) s (seed \(seed), \(input.count) bytes, first 256 base64: \(sample))\n".utf8))
                exit(1)
            }
        }
        thread.start()
    }

    func begin(_ name: String, _ input: [UInt8]) { lock.withLock { current = (name, .now, input) } }
    func end() { lock.withLock { current = nil } }
}

func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

let options = FuzzOptions(Array(CommandLine.arguments.dropFirst()))
let targets = FuzzSurface.decoders + ConfigurationDecoders.all
var mutator = Mutator(random: SeededRandom(seed: options.seed))
let watchdog = Watchdog()
watchdog.start(bound: options.inputSeconds, seed: options.seed)
print("memberdeck-fuzz: seed \(options.seed), \(targets.count) decoders, \(options.seconds) s")

let perTarget = options.seconds / Double(targets.count)
var total = 0
for target in targets {
    let seeds = target.seeds.map { Array($0.utf8) }
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(perTarget * 1000)))
    var count = 0
    // The seeds themselves first: the decoders must read them.
    for seed in seeds {
        watchdog.begin(target.name, seed)
        target.run(Data(seed))
        watchdog.end()
    }
    while ContinuousClock.now < deadline {
        let input = mutator.input(from: seeds)
        watchdog.begin(target.name, input)
        target.run(Data(input))
        watchdog.end()
        count += 1
    }
    total += count
    print("  \(target.name): \(count) inputs")
}
let peak = peakMemoryMiB()
print("memberdeck-fuzz: \(total) inputs, peak memory \(peak) MiB")
if peak > options.memoryMiB {
    FileHandle.standardError.write(Data("memberdeck-fuzz: FAIL peak memory \(peak) MiB is over \(options.memoryMiB) MiB (seed \(options.seed))\n".utf8))
    exit(1)
}
