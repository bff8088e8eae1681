import Foundation
import MembershipKit
import NIOConcurrencyHelpers
import Testing

@Suite("Glance v2 image listing against the reference stack", .enabled(if: ReferenceStack.shouldRun))
struct ImageListingTests {
    @Test("every page is followed: 7 images in pages of 2, a full last page, and a total limit")
    func pagination() async throws {
        let owner = try ReferenceStack.glance("owner")
        let images = TestImages(owner: owner)
        let name = TestImages.uniqueName("page")
        var created: [Image] = []
        for _ in 0..<7 { created.append(try await images.create(name: name)) }
        do {
            let pages = NIOLockedValueBox<[Int]>([])
            let listed = try await owner.listImages(ImageQuery(name: name, pageSize: 2)) { count in pages.withLockedValue { $0.append(count) } }
            #expect(Set(listed.map(\.id)) == Set(created.map(\.id)))
            #expect(listed.count == 7)
            #expect(pages.withLockedValue { $0 } == [2, 4, 6, 7])

            // A page size equal to the count: Glance links a full last page to an empty one.
            let exact = try await owner.listImages(ImageQuery(name: name, pageSize: 7))
            #expect(exact.count == 7)

            let limited = try await owner.listImages(ImageQuery(name: name, pageSize: 2, limit: 5))
            #expect(limited.count == 5)

            let sorted = try await owner.listImages(ImageQuery(name: name, sort: "created_at:asc", pageSize: 3))
            #expect(sorted.map(\.createdAt) == sorted.map(\.createdAt).sorted { ($0 ?? "") < ($1 ?? "") })
        } catch {
            for image in created { await images.delete(image) }
            throw error
        }
        for image in created { await images.delete(image) }
    }

    @Test("member_status and visibility filters reach the server; bad values get its 400")
    func filters() async throws {
        let owner = try ReferenceStack.glance("owner")
        let member = try ReferenceStack.glance("member")
        let memberProject = try await ReferenceStack.projectID("member")
        let ownerProject = try await ReferenceStack.projectID("owner")
        let images = TestImages(owner: owner)
        try await images.with(name: TestImages.uniqueName("filter")) { image in
            _ = try await owner.addMember(imageID: image.id, memberID: memberProject)
            let pending = try await member.listImages(ImageQuery(visibility: "shared", memberStatus: "pending"))
            #expect(pending.contains { $0.id == image.id })
            let accepted = try await member.listImages(ImageQuery(visibility: "shared"))
            #expect(!accepted.contains { $0.id == image.id })
            let all = try await member.listImages(ImageQuery(visibility: "shared", memberStatus: "all", owner: ownerProject))
            #expect(all.contains { $0.id == image.id })
            #expect(all.allSatisfy { $0.owner == ownerProject })
            await expectHTTPError(400, containing: "Invalid visibility value: bogus") {
                _ = try await member.listImages(ImageQuery(visibility: "bogus"))
            }
            await expectHTTPError(400, containing: "Invalid status: bogus") {
                _ = try await member.listImages(ImageQuery(memberStatus: "bogus"))
            }
        }
    }
}

@Suite("Sessions, tokens and failures against the reference stack", .enabled(if: ReferenceStack.shouldRun))
struct SessionTests {
    @Test("a token revoked mid-run triggers one re-authentication and the call succeeds")
    func revokedToken() async throws {
        let cacheDirectory = NSTemporaryDirectory() + "md-revoke-\(UUID().uuidString)"
        let session = try ReferenceStack.session("member", cache: TokenCache(directory: cacheDirectory))
        let glance = GlanceV2Client(session: session)
        _ = try await glance.listImages()
        #expect(await session.authenticationCount == 1)
        let token = try await session.validToken()

        // Revoke it as Keystone's own API does.
        let revoke = try await session.send("DELETE", ReferenceStack.keystoneURL + "/auth/tokens",
                                            headers: [("X-Subject-Token", token.value)], accept: [204])
        #expect(revoke.status == 204)
        // Glance trusts a token it validated for [keystone_authtoken] token_cache_time (2 s in the stack).
        try await Task.sleep(for: .seconds(3))

        _ = try await glance.listImages()
        #expect(await session.authenticationCount == 2)
        #expect(try await session.validToken().value != token.value)
    }

    @Test("a cached token is reused by the next run without asking Keystone")
    func cachedToken() async throws {
        let cacheDirectory = NSTemporaryDirectory() + "md-cache-\(UUID().uuidString)"
        let first = try ReferenceStack.session("owner", cache: TokenCache(directory: cacheDirectory))
        _ = try await GlanceV2Client(session: first).listImages()
        #expect(await first.authenticationCount == 1)

        let second = try ReferenceStack.session("owner", cache: TokenCache(directory: cacheDirectory))
        _ = try await GlanceV2Client(session: second).listImages()
        #expect(await second.authenticationCount == 0)

        let files = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory)
        #expect(files.count == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: cacheDirectory + "/" + files[0])
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("a wrong password is Keystone's 401 with its message")
    func wrongPassword() async throws {
        let session = try ReferenceStack.session("member", cache: nil) { $0.auth.password = "wrong-password" }
        await expectHTTPError(401, containing: "authentication") {
            _ = try await GlanceV2Client(session: session).listImages()
        }
    }

    @Test("a service that is gone is a clear connection error, not a hang")
    func serverGone() async throws {
        let port = try ClosedPort.make()
        let session = try ReferenceStack.session("member") { $0.imageEndpointOverride = "http://127.0.0.1:\(port)" }
        do {
            _ = try await GlanceV2Client(session: session).listImages()
            Issue.record("expected connection refused")
        } catch let MembershipError.connection(failure) {
            #expect(failure.kind == .refused)
            #expect(MembershipError.connection(failure).description.contains("connection refused"))
        }
    }

    @Test("a server that accepts but never answers times out after api_timeout")
    func serverHangs() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let session = try ReferenceStack.session("member") {
            $0.imageEndpointOverride = "http://127.0.0.1:\(silent.port)"
            $0.apiTimeout = 1
        }
        do {
            _ = try await GlanceV2Client(session: session).listImages()
            Issue.record("expected a timeout")
        } catch let MembershipError.connection(failure) {
            #expect(failure.kind == .timeout)
        }
    }

    @Test("an unknown host is a DNS failure")
    func unknownHost() async throws {
        let session = try ReferenceStack.session("member", cache: nil) { $0.auth.authURL = "http://no-such-host.invalid:5000/v3" }
        do {
            _ = try await session.authenticate()
            Issue.record("expected a DNS failure")
        } catch let MembershipError.connection(failure) {
            #expect(failure.kind == .dns)
        }
    }
}
