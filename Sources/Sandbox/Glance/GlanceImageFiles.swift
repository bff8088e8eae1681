import Crypto
import Foundation
import Hummingbird
import NIOCore

/// Image data, one file per image in a folder beside the SQLite file (`<db>.images/<image id>`), as
/// Glance's file store keeps it. An upload is streamed to a temporary file in that folder while it is
/// hashed and counted, so memory stays bounded whatever the client sends, and a body past `limit` stops
/// at the limit; the temporary file becomes the image's file only once the database says the image is
/// active.
struct GlanceImageFiles: Sendable {
    let folder: String
    /// The environment's `imageSizeCap`.
    let limit: Int

    init(databasePath: String, limit: Int) {
        folder = databasePath + ".images"
        self.limit = limit
    }

    /// What an upload wrote: where, how much, its hashes, and its first bytes for the format check.
    struct Received: Sendable {
        let temporaryPath: String
        let size: Int
        let md5: String
        let sha512: String
        let head: [UInt8]
    }

    /// The file of image `id`; nil for an id that is no UUID (no such image can hold data, and the id never
    /// becomes a path that leaves the folder).
    func path(of id: String) -> String? {
        Identifiers.isUUID(id) ? folder + "/" + id.lowercased() : nil
    }

    /// The size of image `id`'s data, or nil when it has none.
    func size(of id: String) -> Int? {
        guard let path = path(of: id), let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    /// Streams `body` to a new temporary file. Past `limit` it stops reading, removes the file and throws
    /// `TooLarge`; any other failure (the client went away) removes the file too.
    func receive(_ body: RequestBody) async throws -> Received {
        try makeFolder()
        let temporaryPath = folder + "/.upload-" + Identifiers.uuid()
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw GlanceFault(status: .serviceUnavailable, detail: "Insufficient permissions on image storage media: \(folder)")
        }
        var md5 = Insecure.MD5()
        var sha512 = SHA512()
        var size = 0
        var head: [UInt8] = []
        do {
            defer { try? handle.close() }
            for try await buffer in body {
                size += buffer.readableBytes
                guard size <= limit else { throw TooLarge() }
                buffer.withUnsafeReadableBytes { bytes in
                    md5.update(bufferPointer: bytes)
                    sha512.update(bufferPointer: bytes)
                }
                if head.count < GlanceDiskFormat.headBytes {
                    head += buffer.readableBytesView.prefix(GlanceDiskFormat.headBytes - head.count)
                }
                try handle.write(contentsOf: Data(buffer.readableBytesView))
            }
        } catch {
            discard(temporaryPath)
            throw error
        }
        return Received(temporaryPath: temporaryPath, size: size, md5: Self.hex(md5.finalize()), sha512: Self.hex(sha512.finalize()), head: head)
    }

    /// Makes the received file image `id`'s data.
    func keep(_ received: Received, as id: String) throws {
        guard let path = path(of: id) else { throw GlanceFault.notFound("No image found with ID \(id)") }
        guard rename(received.temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard(received.temporaryPath)
            throw GlanceFault(status: .serviceUnavailable, detail: "Insufficient permissions on image storage media: \(reason)")
        }
    }

    func discard(_ temporaryPath: String) {
        unlink(temporaryPath)
    }

    /// Removes image `id`'s data, if it has any.
    func remove(_ id: String) {
        if let path = path(of: id) { unlink(path) }
    }

    /// Removes every image's data (`sandbox reset`).
    func removeAll() throws {
        guard FileManager.default.fileExists(atPath: folder) else { return }
        try FileManager.default.removeItem(atPath: folder)
    }

    /// The folder, readable by its owner only, as the SQLite file is.
    private func makeFolder() throws {
        if mkdir(folder, 0o700) != 0, errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw GlanceFault(status: .serviceUnavailable, detail: "Insufficient permissions on image storage media: \(reason)")
        }
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    /// An upload past `limit`.
    struct TooLarge: Error {}
}
