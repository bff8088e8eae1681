import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import Sandbox
import Testing

/// Image data in the sandbox's Glance v2: upload and download with Glance's hashes, each refusal as Glance
/// 33 answers it (recorded against the reference stack), the size cap, and the files beside the database.
@Suite("Sandbox Glance v2 image data")
struct GlanceImageDataSandboxTests {
    static let helloMD5 = "5d41402abc4b2a76b9719d911017c592"
    static let helloSHA512 = "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"

    @Test("an upload makes the image active with size, md5 and sha512; the owner and a member download the bytes")
    func roundTrip() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia"), cora = try await harness.keystoneToken(user: "cora")
            let id = try await harness.createImage(owner: "olivia", name: "data")
            let uploaded = try await harness.upload(Array("hello".utf8), to: id, token: olivia)
            #expect(uploaded.status == 204)
            let image = try await harness.send(.GET, "/image/v2/images/\(id)", headers: [("X-Auth-Token", olivia)]).object
            #expect(image["status"] as? String == "active")
            #expect(image["size"] as? Int == 5)
            #expect(image["virtual_size"] as? Int == 5)
            #expect(image["checksum"] as? String == Self.helloMD5)
            #expect(image["os_hash_algo"] as? String == "sha512")
            #expect(image["os_hash_value"] as? String == Self.helloSHA512)
            #expect(image["stores"] as? String == "fs")
            _ = try await harness.sendJSON(.POST, "/image/v2/images/\(id)/members", headers: [("X-Auth-Token", olivia)],
                                           json: #"{"member":"\#(SandboxHarness.project("analytics"))"}"#)
            for token in [olivia, cora] {
                let download = try await harness.send(.GET, "/image/v2/images/\(id)/file", headers: [("X-Auth-Token", token)])
                #expect(download.status == 200)
                #expect(download.body == "hello")
                #expect(download.headers.first(name: "Content-MD5") == Self.helloMD5)
                #expect(download.headers.first(name: "Content-Type") == "application/octet-stream")
                #expect(download.headers.first(name: "Content-Length") == "5")
            }
        }
    }

    @Test("Glance's refusals: content type 415, stranger 404, member 403, second upload 409, no formats 400, HEAD 405")
    func refusals() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia"), cora = try await harness.keystoneToken(user: "cora")
            let carl = try await harness.keystoneToken(user: "carl")
            let id = try await harness.createImage(owner: "olivia", name: "refusals")
            _ = try await harness.sendJSON(.POST, "/image/v2/images/\(id)/members", headers: [("X-Auth-Token", olivia)],
                                           json: #"{"member":"\#(SandboxHarness.project("analytics"))"}"#)
            let queued = try await harness.send(.GET, "/image/v2/images/\(id)/file", headers: [("X-Auth-Token", olivia)])
            #expect(queued.status == 204 && queued.body.isEmpty)
            let json = try await harness.upload(Array("x".utf8), to: id, token: olivia, contentType: "application/json")
            #expect(json.status == 415)
            #expect(json.message == "The request media type application/json is not supported by this server.\n<br /><br />\nInvalid content type application/json")
            let none = try await harness.upload(Array("x".utf8), to: id, token: olivia, contentType: nil)
            #expect(none.message?.hasSuffix("Invalid content type None") == true)
            #expect(try await harness.upload(Array("x".utf8), to: id, token: carl).message == "No image found with ID \(id)<br /><br />\n\n\n")
            let member = try await harness.upload(Array("x".utf8), to: id, token: cora)
            #expect(member.status == 403)
            #expect(member.message?.hasPrefix("You are not authorized to complete upload_image action.") == true)
            #expect(try await harness.upload(Array("x".utf8), to: id, token: olivia, contentType: "application/octet-stream; charset=utf-8").status == 204)
            let again = try await harness.upload(Array("y".utf8), to: id, token: olivia)
            #expect(again.status == 409)
            #expect(again.message?.hasPrefix("Image status transition from active to saving is not allowed") == true)
            let head = try await harness.send(.HEAD, "/image/v2/images/\(id)/file", headers: [("X-Auth-Token", olivia)])
            #expect(head.status == 405 && head.headers.first(name: "Allow") == "GET, PUT")

            let bare = try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", olivia)], json: "{}")
            let bareID = try #require(bare.object["id"] as? String)
            let unformatted = try await harness.upload(Array("x".utf8), to: bareID, token: olivia)
            #expect(unformatted.status == 400)
            #expect(unformatted.message?.hasPrefix("Properties disk_format, container_format must be set prior to saving data.") == true)
            #expect(try await harness.status(of: bareID, token: olivia) == "queued")

            _ = try await harness.send(.DELETE, "/image/v2/images/\(id)", headers: [("X-Auth-Token", olivia)])
            #expect(try await harness.send(.GET, "/image/v2/images/\(id)/file", headers: [("X-Auth-Token", olivia)]).status == 404)
            #expect(try await harness.upload(Array("x".utf8), to: id, token: olivia).status == 404)
        }
    }

    @Test("format inspection: raw data for a qcow2 image is 415 and the image stays queued; a qcow2 header gives the virtual size")
    func formats() async throws {
        try await SandboxHarness.with { harness in
            let olivia = try await harness.keystoneToken(user: "olivia")
            func create(_ disk: String, _ container: String = "bare") async throws -> String {
                let made = try await harness.sendJSON(.POST, "/image/v2/images", headers: [("X-Auth-Token", olivia)],
                                                      json: #"{"disk_format":"\#(disk)","container_format":"\#(container)"}"#)
                return try #require(made.object["id"] as? String)
            }
            let qcow = try await create("qcow2")
            let raw = try await harness.upload(Array("hello".utf8), to: qcow, token: olivia)
            #expect(raw.status == 415)
            #expect(raw.message?.hasSuffix("Image disk_format qcow2 does not match stream data raw") == true)
            #expect(try await harness.status(of: qcow, token: olivia) == "queued")
            // A qcow2 header: magic, version 3, and a virtual size of 1 GiB at offset 24.
            var header: [UInt8] = [0x51, 0x46, 0x49, 0xFB, 0, 0, 0, 3] + [UInt8](repeating: 0, count: 16) + [0, 0, 0, 0, 0x40, 0, 0, 0]
            header += [UInt8](repeating: 0, count: 512 - header.count)
            #expect(try await harness.upload(header, to: qcow, token: olivia).status == 204)
            let image = try await harness.send(.GET, "/image/v2/images/\(qcow)", headers: [("X-Auth-Token", olivia)]).object
            #expect(image["virtual_size"] as? Int == 1 << 30)
            #expect(image["size"] as? Int == 512)
            let ami = try await create("ami", "ami")
            #expect(try await harness.upload(Array("hello".utf8), to: ami, token: olivia).status == 204)
            let amiImage = try await harness.send(.GET, "/image/v2/images/\(ami)", headers: [("X-Auth-Token", olivia)]).object
            #expect(amiImage["virtual_size"] is NSNull)
            let empty = try await create("raw")
            #expect(try await harness.upload([], to: empty, token: olivia).status == 204)
            let emptyImage = try await harness.send(.GET, "/image/v2/images/\(empty)", headers: [("X-Auth-Token", olivia)]).object
            #expect(emptyImage["size"] as? Int == 0)
            #expect(emptyImage["checksum"] as? String == "d41d8cd98f00b204e9800998ecf8427e")
            let download = try await harness.send(.GET, "/image/v2/images/\(empty)/file", headers: [("X-Auth-Token", olivia)])
            #expect(download.status == 200 && download.headers.first(name: "Content-Length") == "0")
        }
    }

    @Test("the size cap: the cap itself passes, one byte more is Glance's 413, an endless body stops at the cap")
    func sizeCap() async throws {
        let directory = NSTemporaryDirectory() + "memberdeck-imagecap-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try await SandboxDatabase.open(path: directory + "/sandbox.sqlite")
        let cap = 1 << 20
        let sandbox = try await SandboxServer.start(database: database, imageSizeCap: cap)
        let harness = SandboxHarness.wrapping(sandbox)
        do {
            let olivia = try await harness.keystoneToken(user: "olivia")
            let exact = try await harness.createImage(owner: "olivia", name: "exact")
            #expect(try await harness.upload([UInt8](repeating: 7, count: cap), to: exact, token: olivia).status == 204)
            let over = try await harness.createImage(owner: "olivia", name: "over")
            let refused = try await harness.upload([UInt8](repeating: 7, count: cap + 1), to: over, token: olivia)
            #expect(refused.status == 413)
            #expect(refused.message == "The incoming image is too large: The provided image is too large.<br /><br />\n\n\n")
            #expect(try await harness.status(of: over, token: olivia) == "queued")

            let endless = try await harness.createImage(owner: "olivia", name: "endless")
            let produced = ProducedBytes()
            var request = HTTPClientRequest(url: harness.urls.image + "/v2/images/\(endless)/file")
            request.method = .PUT
            request.headers.add(name: "X-Auth-Token", value: olivia)
            request.headers.add(name: "Content-Type", value: "application/octet-stream")
            request.body = .stream(EndlessBytes(produced: produced), length: .unknown)
            // Either the 413 arrives or the connection ends under the client; both stop the upload.
            let status = try? await HTTPClient.shared.execute(request, timeout: .seconds(30)).status.code
            #expect(status == nil || status == 413)
            #expect(try await harness.status(of: endless, token: olivia) == "queued")
            #expect(produced.count < 64 * cap)
            // Only the accepted image's data is kept; no partial upload is left behind.
            let kept = try FileManager.default.contentsOfDirectory(atPath: directory + "/sandbox.sqlite.images")
            #expect(kept == [exact])
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("data is kept across a restart, goes with its image, and reset removes it all")
    func files() async throws {
        let directory = NSTemporaryDirectory() + "memberdeck-imagefiles-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/sandbox.sqlite"
        let kept: String, dropped: String
        do {
            let sandbox = try await SandboxServer.start(database: try await SandboxDatabase.open(path: path))
            let harness = SandboxHarness.wrapping(sandbox)
            let olivia = try await harness.keystoneToken(user: "olivia")
            kept = try await harness.createImage(owner: "olivia", name: "kept")
            dropped = try await harness.createImage(owner: "olivia", name: "dropped")
            #expect(try await harness.upload(Array("hello".utf8), to: kept, token: olivia).status == 204)
            #expect(try await harness.upload(Array("bye".utf8), to: dropped, token: olivia).status == 204)
            #expect(FileManager.default.fileExists(atPath: path + ".images/" + dropped))
            #expect(try await harness.send(.DELETE, "/image/v2/images/\(dropped)", headers: [("X-Auth-Token", olivia)]).status == 204)
            #expect(!FileManager.default.fileExists(atPath: path + ".images/" + dropped))
            await sandbox.stop()
        }
        let reopened = try await SandboxDatabase.open(path: path)
        let sandbox = try await SandboxServer.start(database: reopened)
        let harness = SandboxHarness.wrapping(sandbox)
        let olivia = try await harness.keystoneToken(user: "olivia")
        let download = try await harness.send(.GET, "/image/v2/images/\(kept)/file", headers: [("X-Auth-Token", olivia)])
        #expect(download.body == "hello")
        #expect(download.headers.first(name: "Content-MD5") == Self.helloMD5)
        try await reopened.reset(to: .demo)
        #expect(!FileManager.default.fileExists(atPath: path + ".images"))
        await sandbox.stop()
    }
}

/// Counts what `EndlessBytes` produced, across the client's tasks.
private final class ProducedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    var count: Int { lock.withLock { total } }
    func add(_ bytes: Int) { lock.withLock { total += bytes } }
}

/// A request body that never ends: 64 KiB chunks for as long as they are read.
private struct EndlessBytes: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let produced: ProducedBytes

    struct AsyncIterator: AsyncIteratorProtocol {
        let produced: ProducedBytes
        mutating func next() async -> ByteBuffer? {
            produced.add(64 << 10)
            return ByteBuffer(repeating: 1, count: 64 << 10)
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(produced: produced) }
}

extension SandboxHarness {
    /// `PUT …/file` with raw bytes; the error message as webob's JSON gives it.
    func upload(_ bytes: [UInt8], to id: String, token: String, contentType: String? = "application/octet-stream") async throws -> RawResponse {
        var request = HTTPClientRequest(url: urls.image + "/v2/images/\(id)/file")
        request.method = .PUT
        request.headers.add(name: "X-Auth-Token", value: token)
        request.headers.add(name: "Accept", value: "application/json")
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        request.body = .bytes(ByteBuffer(bytes: bytes))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        return RawResponse(status: Int(response.status.code), headers: response.headers, body: String(buffer: buffer))
    }

    func status(of id: String, token: String) async throws -> String? {
        try await send(.GET, "/image/v2/images/\(id)", headers: [("X-Auth-Token", token)]).object["status"] as? String
    }
}
