import Foundation

/// A directory under the system's temporary one that a test owns and removes at the end.
struct ScratchDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "memberdeck-runtime-scratch-" + UUID().uuidString.prefix(8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The permission bits of a file or directory.
    static func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
