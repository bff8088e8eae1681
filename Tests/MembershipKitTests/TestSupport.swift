import Foundation
import Testing

/// A fresh directory under the system temporary folder, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init(_ label: String = #function) throws {
        let safe = label.filter { $0.isLetter || $0.isNumber }.prefix(40)
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("memberdeck-unit-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `relative` inside this directory.
    func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Creates a folder (and its parents) inside this directory and returns its path.
    @discardableResult
    func makeDirectory(_ relative: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Writes a text file (creating its folders) and returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(atPath: url(relative)) }
}

/// JSON re-serialised with sorted keys, so that two documents can be compared as text.
func canonicalJSON(_ data: Data) throws -> String {
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    return String(decoding: out, as: UTF8.self)
}

func canonicalJSON(_ text: String) throws -> String { try canonicalJSON(Data(text.utf8)) }

/// Collects values from `@Sendable` callbacks.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// POSIX permission bits of a file or folder, read through FileManager.
func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let number = try #require(attributes[.posixPermissions] as? NSNumber)
    return number.intValue & 0o777
}
