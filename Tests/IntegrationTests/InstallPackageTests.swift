import Foundation
import Testing

/// memberdeck installed like a real tool: `scripts/install` into a prefix and back out, and
/// `scripts/package-deb`'s Debian package, both from the build under test (`--binary`, so no
/// release build here). Each checks what a user would meet: the files, a stripped binary that runs
/// without the toolchain's libraries, a man page, completion scripts, the themes.
@Suite("Install and Debian package", .enabled(if: SandboxEndToEnd.binaryExists))
struct InstallPackageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The repository's themes, as file names (default.yaml, light.yaml, …).
    static var themeFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/themes")) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static var environment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
    }

    /// Runs scripts/NAME from `directory`, so that a relative path it wrongly accepted would be written there.
    static func script(_ name: String, _ arguments: [String], in directory: String) async throws -> ProcessResult {
        try await ProcessRunner.run("/bin/sh", ["-c", #"cd "$1" && shift && exec "$@""#, "sh", directory, root + "/scripts/" + name] + arguments,
                                    environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(executable, arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    }

    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "md-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `path`, creating the folders above it.
    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Every file and folder under `path`, relative to it, sorted.
    static func contents(_ path: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// The subcommands the argument parser knows, from the binary under test.
    static func subcommands() async throws -> [String] {
        let dump = try await run(CLI.memberdeckBinary, ["--experimental-dump-help"])
        let command = (try dump.json() as? [String: Any])?["command"] as? [String: Any]
        let subcommands = command?["subcommands"] as? [[String: Any]] ?? []
        return subcommands.filter { $0["shouldDisplay"] as? Bool ?? true }.compactMap { $0["commandName"] as? String }
    }

    /// ldd's libraries of `binary` found outside Debian's library folders and `privateFolder`, and the missing ones.
    static func foreignLibraries(_ binary: String, privateFolder: String) async throws -> [String] {
        let ldd = try await run("/usr/bin/ldd", [binary])
        #expect(ldd.status == 0, "\(ldd.stderr)")
        return ldd.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            guard let arrow = line.range(of: " => ") else { return false }
            let path = line[arrow.upperBound...]
            return !(path.hasPrefix("/lib/") || path.hasPrefix("/usr/lib/") || path.hasPrefix(privateFolder))
        }
    }

    @Test("install into a prefix: every file, a stripped binary, a man page, completions, the themes; uninstall removes exactly them")
    func installAndUninstall() async throws {
        let work = try Self.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let prefix = work + "/prefix"
        // A file of the user's, in a folder that the install also uses.
        try Self.write("#!/bin/sh\n", to: prefix + "/bin/mytool")

        let installed = try await Self.script("install", ["--prefix", prefix, "--binary", CLI.memberdeckBinary], in: work)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("installed memberdeck"), "\(installed.stdout)")
        #expect(installed.stdout.contains("\(prefix)/bin is not on PATH"), "\(installed.stdout)")

        // The files: the fixed ones, the themes, and the Swift runtime when the binary links it dynamically.
        let expected = ["bin/memberdeck", "share/man/man1/memberdeck.1", "share/bash-completion/completions/memberdeck",
                        "share/zsh/site-functions/_memberdeck", "share/fish/vendor_completions.d/memberdeck.fish",
                        "share/memberdeck/install-manifest"] + Self.themeFiles.map { "share/memberdeck/themes/" + $0 }
        #expect(Self.themeFiles.contains("light.yaml"))
        let files = Self.contents(prefix).filter { !FileManager.default.isDirectory(prefix + "/" + $0) }
        for file in expected { #expect(files.contains(file), "missing \(file); installed: \(files)") }
        let others = files.filter { !expected.contains($0) && $0 != "bin/mytool" }
        #expect(others.allSatisfy { $0.hasPrefix("lib/memberdeck/lib") && $0.contains(".so") }, "unexpected files: \(others)")
        let manifest = try String(contentsOfFile: prefix + "/share/memberdeck/install-manifest", encoding: .utf8)
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("file ") }.map { String($0.dropFirst(5)) }.sorted()
        #expect(listed == files.filter { $0 != "bin/mytool" && $0 != "share/memberdeck/install-manifest" }, "the manifest names what is there")

        // The binary: the same version, stripped, and loading no library from the toolchain's folder.
        let binary = prefix + "/bin/memberdeck"
        let version = try await Self.run(binary, ["--version"])
        let expectedVersion = try await Self.run(CLI.memberdeckBinary, ["--version"])
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout == expectedVersion.stdout)
        let kind = try await Self.run("/usr/bin/file", ["-b", binary])
        #expect(kind.stdout.contains("stripped") && !kind.stdout.contains("not stripped"), "\(kind.stdout)")
        #expect(try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int ?? 0
            < FileManager.default.attributesOfItem(atPath: CLI.memberdeckBinary)[.size] as? Int ?? 0)
        #expect(try await Self.foreignLibraries(binary, privateFolder: prefix + "/bin/../lib/memberdeck/") == [])

        // The man page: groff renders it without a warning, and it describes every subcommand.
        let page = prefix + "/share/man/man1/memberdeck.1"
        let lint = try await Self.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", page])
        #expect(lint.status == 0 && lint.stderr.isEmpty, "\(lint.stderr)")
        let rendered = try await Self.run("/usr/bin/groff", ["-man", "-Tutf8", "-P-cbou", page])
        #expect(rendered.stdout.contains("NAME") && rendered.stdout.contains("OPTIONS"))
        let subcommands = try await Self.subcommands()
        #expect(subcommands.contains("members"))
        for name in subcommands { #expect(rendered.stdout.contains("memberdeck \(name)"), "the man page lacks \(name)") }
        #expect(rendered.stdout.contains("memberdeck members add"))

        try await Self.checkCompletions(prefix: prefix)
        try await Self.checkThemes(binary: binary)

        let removed = try await Self.script("install", ["--uninstall", "--prefix", prefix], in: work)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(Self.contents(prefix) == ["bin", "bin/mytool"], "left behind: \(Self.contents(prefix))")
        let again = try await Self.script("install", ["--uninstall", "--prefix", prefix], in: work)
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing to uninstall"), "\(again.stderr)")
    }

    /// Each completion script parses in its shell (zsh and fish when installed), and bash's completes.
    static func checkCompletions(prefix: String) async throws {
        let bash = prefix + "/share/bash-completion/completions/memberdeck"
        let parsed = try await run("/bin/bash", ["-n", bash])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        // What bash does on Tab after `memberdeck mem`.
        let complete = #"source "$1"; complete -p memberdeck >/dev/null && COMP_LINE="memberdeck mem" COMP_WORDS=(memberdeck mem) COMP_CWORD=1 COMP_POINT=14 && _memberdeck memberdeck mem memberdeck && printf '%s\n' "${COMPREPLY[@]}""#
        let completed = try await run("/bin/bash", ["-c", complete, "bash", bash])
        #expect(completed.status == 0, "\(completed.stderr)")
        #expect(completed.stdout.split(separator: "\n").contains("members"), "\(completed.stdout)")
        for (shell, arguments, file) in [("/usr/bin/zsh", ["-n"], "share/zsh/site-functions/_memberdeck"),
                                         ("/usr/bin/fish", ["--no-execute"], "share/fish/vendor_completions.d/memberdeck.fish")]
            where FileManager.default.isExecutableFile(atPath: shell) {
            let result = try await run(shell, arguments + [prefix + "/" + file])
            #expect(result.status == 0, "\(shell): \(result.stderr)")
        }
    }

    /// The installed binary, away from the source tree and with no theme of the user's, finds the
    /// installed themes: an unknown name lists them, and the console opens with one.
    static func checkThemes(binary: String) async throws {
        let noCloud = ["OS_CLIENT_CONFIG_FILE": "/nonexistent/clouds.yaml"]
        let cli = CLI()
        do {
            let console = try TmuxConsole(["--theme", "nosuch"], cli: cli, extraEnvironment: noCloud, binary: binary)
            defer { console.close() }
            let screen = try await console.waitFor(text: "EXITED:2")
            #expect(screen.replacingOccurrences(of: "\n", with: "").contains("available: default, high-contrast, light, monochrome"), "\(screen)")
        }
        let console = try TmuxConsole(["--theme", "light"], cli: cli, extraEnvironment: noCloud, binary: binary)
        defer { console.close() }
        // q only once the panes are loaded and nothing is in flight (no spinner): quitting while the
        // embedded sandbox still answers can crash ("Deinited NIOAsyncWriter without calling
        // finish()"), which is not what this test is about.
        try await console.waitFor("the console on the sandbox, settled") { screen in
            let header = screen.split(separator: "\n").first ?? ""
            return header.contains("sandbox") && header.contains("updated") && !header.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) }
        }
        try await console.send("q")
        try await console.waitFor(text: "EXITED:0")
    }

    @Test("hostile arguments: a missing value, a relative or file prefix, unknown options: one line, exit 2, nothing written")
    func hostileArguments() async throws {
        let work = try Self.temporaryFolder("install-args")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let file = work + "/a-file"
        try Self.write("mine\n", to: file)
        let binary = CLI.memberdeckBinary
        let cases: [(String, [String])] = [
            ("install", ["--prefix"]),
            ("install", ["--prefix", "relative/nonsense", "--binary", binary]),
            ("install", ["--prefix", "", "--binary", binary]),
            ("install", ["--prefix", file, "--binary", binary]),
            ("install", ["--prefix", file + "/below", "--binary", binary]),
            ("install", ["--prefix", work + "/p", "--binary", work + "/no-such-binary"]),
            ("install", ["--prefix", work + "/p", "--frobnicate"]),
            ("install", ["--uninstall", "--prefix", work + "/p", "--binary", binary]),
            ("package-deb", ["--binary", binary, "--output", file]),
            ("package-deb", ["--binary", binary, "--output", work + "/out", "--version", "1 2"]),
            ("package-deb", ["--binary", binary, "--output", work + "/out", "--compression", "lzma"]),
            ("package-deb", ["--output"]),
        ]
        for (script, arguments) in cases {
            let result = try await Self.script(script, arguments, in: work)
            #expect(result.status == 2, "\(script) \(arguments): status \(result.status), \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(script) \(arguments): \(result.stderr)")
            #expect(result.stderr.contains("error:"), "\(script) \(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(Self.contents(work) == ["a-file"], "\(script) \(arguments) wrote \(Self.contents(work))")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "mine\n")
    }

    @Test("a manifest naming a path outside the prefix: uninstall removes nothing, says which line, exit 1")
    func hostileManifest() async throws {
        let work = try Self.temporaryFolder("install-manifest")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let prefix = work + "/prefix"
        try Self.write("mine\n", to: work + "/outside")
        try Self.write("mine\n", to: prefix + "/inside")
        for line in ["file ../outside", "file \(work)/outside", "file inside\nfile share/../../outside", "remove inside"] {
            try Self.write(line + "\n", to: prefix + "/share/memberdeck/install-manifest")
            let result = try await Self.script("install", ["--uninstall", "--prefix", prefix], in: work)
            #expect(result.status == 1, "\(line): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("nothing removed"), "\(line): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: work + "/outside") && FileManager.default.fileExists(atPath: prefix + "/inside"))
        }
    }

    @Test("package-deb: control fields with computed Depends, root-owned paths and modes under /usr, an extracted binary that runs")
    func debianPackage() async throws {
        let work = try Self.temporaryFolder("deb")
        defer { try? FileManager.default.removeItem(atPath: work) }
        // zstd: the same package as the default xz, packed in a second instead of a minute.
        let built = try await Self.script("package-deb", ["--binary", CLI.memberdeckBinary, "--output", "out", "--compression", "zstd"], in: work)
        #expect(built.status == 0, "\(built.stderr)")
        let version = try await Self.run(CLI.memberdeckBinary, ["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let architecture = try await Self.run("/usr/bin/dpkg", ["--print-architecture"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let package = "\(work)/out/memberdeck_\(version)_\(architecture).deb"
        #expect(FileManager.default.fileExists(atPath: package), "\(built.stdout) \(Self.contents(work))")

        let info = try await Self.run("/usr/bin/dpkg-deb", ["-f", package])
        #expect(info.status == 0, "\(info.stderr)")
        var fields: [String: String] = [:]
        for line in info.stdout.split(separator: "\n") where !line.hasPrefix(" ") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        #expect(fields["Package"] == "memberdeck")
        #expect(fields["Version"] == version)
        #expect(fields["Architecture"] == architecture)
        #expect(fields["Section"] == "admin")
        #expect(fields["Priority"] == "optional")
        #expect(fields["Maintainer"]?.contains("<") == true)
        #expect(Int(fields["Installed-Size"] ?? "") ?? 0 > 1000)
        #expect(fields["Description"]?.isEmpty == false)
        // Computed from the binary's libraries: whatever the linking, the C library is among them, with a version.
        let depends = fields["Depends"] ?? ""
        #expect(depends.contains("libc6 (>= "), "Depends: \(depends)")
        #expect(!depends.contains("swift"), "Depends: \(depends)")

        let listing = try await Self.run("/usr/bin/dpkg-deb", ["-c", package])
        #expect(listing.status == 0, "\(listing.stderr)")
        var modes: [String: String] = [:]
        for line in listing.stdout.split(separator: "\n") {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count >= 6 else { continue }
            #expect(columns[1] == "root/root", "\(line)")
            modes[String(columns[5])] = String(columns[0])
        }
        #expect(modes.keys.allSatisfy { $0 == "./" || $0.hasPrefix("./usr/") }, "\(modes.keys.sorted())")
        let files = ["./usr/share/man/man1/memberdeck.1.gz", "./usr/share/bash-completion/completions/memberdeck",
                     "./usr/share/zsh/vendor-completions/_memberdeck", "./usr/share/fish/vendor_completions.d/memberdeck.fish",
                     "./usr/share/doc/memberdeck/copyright"] + Self.themeFiles.map { "./usr/share/memberdeck/themes/" + $0 }
        #expect(modes["./usr/bin/memberdeck"] == "-rwxr-xr-x")
        for file in files { #expect(modes[file] == "-rw-r--r--", "\(file): \(modes[file] ?? "missing")") }
        for (path, mode) in modes where path.hasSuffix("/") { #expect(mode == "drwxr-xr-x", "\(path): \(mode)") }
        for (path, mode) in modes where path.hasPrefix("./usr/lib/memberdeck/lib") { #expect(mode == "-rw-r--r--", "\(path): \(mode)") }

        let extracted = work + "/root"
        let unpacked = try await Self.run("/usr/bin/dpkg-deb", ["-x", package, extracted])
        #expect(unpacked.status == 0, "\(unpacked.stderr)")
        let ran = try await Self.run(extracted + "/usr/bin/memberdeck", ["--version"])
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(ran.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version)
        #expect(try await Self.foreignLibraries(extracted + "/usr/bin/memberdeck", privateFolder: extracted + "/usr/bin/../lib/memberdeck/") == [])
        let page = try await Self.run("/bin/sh", ["-c", #"gzip -dc "$1" | groff -man -Tutf8 -ww -z"#, "sh", extracted + "/usr/share/man/man1/memberdeck.1.gz"])
        #expect(page.status == 0 && page.stderr.isEmpty, "\(page.stderr)")
    }
}

private extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
