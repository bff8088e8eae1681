import Foundation
import Testing
@testable import MembershipKit

/// `password_command`: run with a timeout in its own process group, both outputs drained at once,
/// done when the command exits, and every failure said in one line that names the command.
@Suite("password_command")
struct SecretResolverTests {
    private func failure(_ command: String, timeout: Double = SecretResolver.defaultTimeout) -> String {
        do {
            let secret = try SecretResolver.resolve(.command(command), what: "password_command of endpoint e", timeout: timeout)
            return "no error, got '\(secret)'"
        } catch {
            return "\(error)"
        }
    }

    @Test("a trailing \\r\\n is not part of the password")
    func crlfStripped() throws {
        #expect(try SecretResolver.resolve(.command("printf 's3cret\\r\\nsecond line\\r\\n'"), what: "p") == "s3cret")
        #expect(try SecretResolver.resolve(.command("printf 'no-newline'"), what: "p") == "no-newline")
    }

    @Test("a megabyte on stderr and exit 0 still gives the password")
    func muchStderr() throws {
        let command = "head -c 1048576 /dev/zero | tr '\\0' x >&2; echo hunter2"
        #expect(try SecretResolver.resolve(.command(command), what: "p") == "hunter2")
    }

    @Test("a background child holding the output open does not keep memberdeck waiting")
    func backgroundChild() throws {
        let root = try TemporaryDirectory()
        let pidFile = root.url("sleeper.pid")
        defer {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(pid, SIGKILL)
            }
        }
        let started = Date()
        let secret = try SecretResolver.resolve(.command("sleep 30 & echo $! > '\(pidFile)'; echo pw-from-parent"), what: "p")
        #expect(secret == "pw-from-parent")
        #expect(Date().timeIntervalSince(started) < 10, "waited for the background child")
    }

    @Test("a command that hangs (a pinentry waiting for input) times out, and its whole group is killed")
    func hangTimesOut() throws {
        let root = try TemporaryDirectory()
        let pidFile = root.url("grandchild.pid")
        let started = Date()
        let text = failure("sleep 60 & echo $! > '\(pidFile)'; sleep 60", timeout: 0.3)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(text == "invalid value for password_command of endpoint e: `sleep 60 & echo $! > '\(pidFile)'; sleep 60` timed out after 0.3 s", "\(text)")
        let grandchild = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed with its group: gone, or a zombie awaiting its reaper.
        #expect(Self.isGoneOrZombie(grandchild), "the background child of a timed-out command still runs")
    }

    @Test("a failing command is named with its exit status and the first line of its stderr, sanitised")
    func failureNamesCommand() {
        #expect(failure("echo nope >&2; echo second >&2; exit 3")
            == "invalid value for password_command of endpoint e: `echo nope >&2; echo second >&2; exit 3` failed with exit status 3: nope")
        #expect(failure("printf 'bad\\033]0;title\\007\\n' >&2; exit 1").hasSuffix("failed with exit status 1: bad^[]0;title^G"))
        #expect(failure("exit 4") == "invalid value for password_command of endpoint e: `exit 4` failed with exit status 4")
    }

    @Test("a command killed by a signal, or printing nothing, says so; the secret on stdout is never echoed")
    func otherFailures() {
        #expect(failure("kill -9 $$").hasSuffix("`kill -9 $$` was killed by signal 9"))
        #expect(failure("true").hasSuffix("`true` printed nothing"))
        #expect(failure("printf '\\n'").hasSuffix("printed nothing"))
        let leaked = failure("printf 'TOP-%s\\n' SECRET; echo oops >&2; exit 2")
        #expect(!leaked.contains("TOP-SECRET"))
        #expect(leaked.hasSuffix("failed with exit status 2: oops"))
    }

    /// Whether `pid` has ended (no such process, or a zombie).
    static func isGoneOrZombie(_ pid: Int32) -> Bool {
        for _ in 0..<200 {
            guard kill(pid, 0) == 0 else { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
               stat.split(separator: ")").last?.split(separator: " ").first == "Z" { return true }
            usleep(10_000)
        }
        return false
    }
}
