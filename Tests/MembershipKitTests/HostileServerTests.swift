import Foundation
import HostileServer
import Logging
import Testing
@testable import MembershipKit

/// The SDK against a hostile server on loopback (see `HostileServer`): every attack ends, bounded in
/// time and memory, with a clear one-line error or a reported partial result, and no secret in it.
@Suite("SDK against a hostile server")
struct HostileServerTests {
    @Test("Endless pages stop at the item limit; the listing reports it and keeps what it read")
    func endlessPagesStopAtTheItemLimit() async throws {
        let cloud = try await HostileCloud.start { request, _ in endlessPage(request) }
        defer { Task { await cloud.server.stop() } }
        let log = TruncationLog()
        let glance = try cloud.glance(paging: PagingPolicy(limits: PagingLimits(maximumItems: 1_000), onTruncated: log.add))
        let images = try await glance.listImages()
        #expect(images.count == 1_000)
        #expect(log.all == [PagingTruncation(what: "images", reason: .itemLimit(1_000), kept: 1_000)])
        #expect(cloud.glanceRequests.count == 5)
    }

    @Test("Endless pages stop at the page limit")
    func endlessPagesStopAtThePageLimit() async throws {
        let cloud = try await HostileCloud.start { request, _ in endlessPage(request, count: 1) }
        defer { Task { await cloud.server.stop() } }
        let log = TruncationLog()
        let glance = try cloud.glance(paging: PagingPolicy(limits: PagingLimits(maximumPages: 30), onTruncated: log.add))
        let images = try await glance.listImages()
        #expect(images.count == 30)
        #expect(log.all.map(\.reason) == [.pageLimit(30)])
        #expect(cloud.glanceRequests.count == 30)
    }

    @Test("A next page that does not advance stops the listing at once")
    func repeatedMarkerStops() async throws {
        // The same page again and again, behind a next link that changes every time.
        let cloud = try await HostileCloud.start { request, _ in
            let page = Int(request.query("page") ?? "0") ?? 0
            let images = (0..<3).map { FakeOpenStack.image(id: "same-\($0)", name: "same \($0)") }
            return .json(200, object: ["images": images, "next": "/v2/images?marker=same-2&page=\(page + 1)"])
        }
        defer { Task { await cloud.server.stop() } }
        let log = TruncationLog()
        let images = try await cloud.glance(paging: PagingPolicy(onTruncated: log.add)).listImages()
        #expect(images.map(\.id) == ["same-0", "same-1", "same-2"])
        #expect(log.all.map(\.reason) == [.markerRepeated])
        #expect(cloud.glanceRequests.count == 2)
    }

    @Test("Without a handler, a listing that stops early is an error (a lookup must not decide on part of a list)")
    func truncationWithoutHandlerThrows() async throws {
        let cloud = try await HostileCloud.start { request, _ in endlessPage(request) }
        defer { Task { await cloud.server.stop() } }
        let glance = try cloud.glance(paging: PagingPolicy(limits: PagingLimits(maximumItems: 500)))
        await #expect(throws: MembershipError.truncated(PagingTruncation(what: "images", reason: .itemLimit(500), kept: 500))) {
            _ = try await glance.listImages()
        }
    }

    @Test("A body that drips one byte at a time is bounded by api_timeout, head and body together")
    func slowDripIsBoundedByTheTimeout() async throws {
        let cloud = try await HostileCloud.start { _, _ in
            .drip(status: 200, headers: [("Content-Type", "application/json")], chunk: Data(" ".utf8), interval: 0.2, count: 300)
        }
        defer { Task { await cloud.server.stop() } }
        let glance = try cloud.glance(apiTimeout: 1)
        let started = ContinuousClock.now
        do {
            _ = try await glance.listImages()
            Issue.record("a 60 s drip completed within a 1 s api_timeout")
        } catch let error as MembershipError {
            guard case let .connection(failure) = error else { Issue.record("not a timeout: \(error)"); return }
            #expect(failure.kind == .timeout)
            #expect(error.description.contains("api_timeout"))
        }
        // The drip lasts 60 s; the bound is the timeout (plus scheduling), far below it.
        #expect(started.duration(to: .now) < .seconds(20))
    }

    @Test("A token or password echoed in an error message is redacted by value")
    func echoedSecretsAreRedacted() async throws {
        let cloud = try await HostileCloud.start(password: "s3cret-Pa55word!") { request, _ in
            let token = request.header("X-Auth-Token") ?? "?"
            return .json(403, #"{"message": "token \#(token) may not do this; your password was s3cret-Pa55word! (also s3cret-Pa55word%21)"}"#)
        }
        defer { Task { await cloud.server.stop() } }
        let logFile = try TemporaryDirectory().url("debug.log")
        var logger = Logger(label: "hostile") { label in FileLogHandler(label: label, path: logFile) }
        logger.logLevel = .debug
        let glance = try cloud.glance(requestLog: RequestLog(logger: logger))
        do {
            _ = try await glance.members(imageID: "8a3c5e10-0000-4000-8000-000000000001")
            Issue.record("a 403 was taken for success")
        } catch let error as MembershipError {
            let text = error.description
            #expect(text.contains("403"))
            #expect(!text.contains(FakeOpenStack.issuedToken))
            #expect(!text.contains("s3cret-Pa55word"))
            #expect(text.contains("token *** may not do this; your password was *** (also ***)"))
        }
        let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        #expect(log.contains("RESP 403"))
        #expect(!log.contains(FakeOpenStack.issuedToken))
        #expect(!log.contains("s3cret-Pa55word"))
    }

    @Test("One image name with invalid UTF-8 does not hide the page: the bad bytes read as U+FFFD")
    func invalidUTF8InOneName() async throws {
        let cloud = try await HostileCloud.start { _, _ in
            var body = Data(#"{"images": [{"id": "a", "name": "good"}, {"id": "b", "name": "bad "#.utf8)
            body += Data([0xFF, 0xC3, 0x28])
            body += Data(#""}, {"id": "c", "name": "also good"}]}"#.utf8)
            return .respond(status: 200, headers: [("Content-Type", "application/json")], body: body)
        }
        defer { Task { await cloud.server.stop() } }
        let images = try await cloud.glance().listImages()
        #expect(images.map(\.id) == ["a", "b", "c"])
        #expect(images[1].name == "bad \u{FFFD}\u{FFFD}(")
    }

    @Test("Dot segments are refused before anything is sent", arguments: [".", "..", ""])
    func dotSegmentsAreRefused(memberID: String) async throws {
        let cloud = try await HostileCloud.start { _, _ in .json(204, "") }
        defer { Task { await cloud.server.stop() } }
        let glance = try cloud.glance()
        await #expect(throws: MembershipError.self) {
            try await glance.removeMember(imageID: "8a3c5e10-0000-4000-8000-000000000001", memberID: memberID)
        }
        await #expect(throws: MembershipError.self) {
            _ = try await glance.updateMember(imageID: memberID, memberID: "p2", status: .accepted)
        }
        #expect(cloud.glanceRequests.isEmpty)
    }

    @Test("A body larger than the transport's bound is refused with one line")
    func hugeBodyIsRefused() async throws {
        let size = AsyncHTTPTransport.maximumBodyBytes + 1024
        let cloud = try await HostileCloud.start { _, _ in
            .respond(status: 200, headers: [("Content-Type", "application/json")], body: Data(repeating: 0x20, count: size))
        }
        defer { Task { await cloud.server.stop() } }
        do {
            _ = try await cloud.glance().listImages()
            Issue.record("an oversized body was read")
        } catch let error as MembershipError {
            #expect(error.description.contains("larger than"))
        }
    }
}
