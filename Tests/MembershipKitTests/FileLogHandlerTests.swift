import Foundation
import Logging
import Testing
@testable import MembershipKit

/// The `--debug` request log: every session of a command has a handler of its own on one file.
@Suite("The request log file keeps every line of every writer")
struct FileLogHandlerTests {
    @Test("handlers on one file append after each other, over what the file held, and it stays 0600")
    func handlersShareTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url("state/memberdeck/memberdeck.log")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "an earlier run\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let first = FileLogHandler(label: "one", path: path), second = FileLogHandler(label: "two", path: path)
        for index in 0..<50 {
            first.log(event: Self.event("first line \(index) " + String(repeating: "a", count: index * 7)))
            second.log(event: Self.event("second line \(index)"))
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "an earlier run")
        #expect(lines.count == 101)
        for index in 0..<50 {
            #expect(lines[1 + 2 * index].hasSuffix("one: first line \(index) " + String(repeating: "a", count: index * 7)))
            #expect(lines[2 + 2 * index].hasSuffix("two: second line \(index)"))
        }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a new log file is created 0600 in a 0700 folder")
    func createdPrivate() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url("fresh/memberdeck.log")
        FileLogHandler(label: "x", path: path).log(event: Self.event("hello"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("x: hello\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: directory.url("fresh"))[.posixPermissions] as? Int == 0o700)
    }

    @Test("handlers writing at once from many threads lose no line")
    func concurrentWriters() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.url("memberdeck.log")
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    let handler = FileLogHandler(label: "w\(writer)", path: path)
                    for index in 0..<200 { handler.log(event: Self.event("writer \(writer) line \(index)")) }
                }
            }
        }
        let lines = Set(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { String($0.split(separator: " ", maxSplits: 2)[2]) })
        #expect(lines.count == 1_600)
        for writer in 0..<8 {
            for index in 0..<200 { #expect(lines.contains("w\(writer): writer \(writer) line \(index)")) }
        }
    }

    private static func event(_ message: String) -> LogEvent {
        LogEvent(level: .debug, message: "\(message)", metadata: nil, source: "tests", file: #fileID, function: #function, line: #line)
    }
}
