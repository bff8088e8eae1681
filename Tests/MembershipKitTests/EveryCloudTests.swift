import Foundation
@testable import MembershipKit
import Testing

/// The pure parts of "every cloud at once": which credentials are read, re-scoping, what a
/// sweep selects, and how Glance's member refusals are explained.
@Suite("Every cloud: credentials, sweeps, refusals")
struct EveryCloudTests {
    static let clouds = """
    clouds:
      east:
        auth: {auth_url: 'https://keystone.example/v3', username: u, password: p, project_name: ops}
        regions: [RegionOne, RegionTwo]
      west:
        auth: {auth_url: 'https://keystone.example/v3', username: u, password: p, project_name: web}
        region_name: West
      broken:
        auth: not-a-mapping
    """

    @Test("every cloud is read once per region it lists; a broken cloud is a failure beside the others")
    func everyCloudEveryRegion() throws {
        let fixture = try CloudFixture()
        try fixture.writeClouds(Self.clouds)
        let targets = try fixture.loader().every()
        let loaded = targets.compactMap { try? $0.get() }.map { "\($0.name)/\($0.regionName ?? "-")" }
        #expect(loaded == ["east/RegionOne", "east/RegionTwo", "west/West"])
        let failures = targets.compactMap { if case let .failure(failure) = $0 { failure.name } else { nil } }
        #expect(failures == ["broken"])
        // Named clouds only, each once; a region given applies to each.
        let named = try fixture.loader().every(["west", "west", "east"], region: nil).compactMap { try? $0.get().name }
        #expect(named == ["west", "east", "east"])
        let unknown = try fixture.loader().every(["nowhere"])
        #expect(unknown.count == 1 && (try? unknown[0].get()) == nil)
    }

    @Test("re-scoping keeps the user and changes only the project; an application credential cannot be re-scoped")
    func rescoping() throws {
        var cloud = CloudConfig.password(name: "east", authURL: "https://k/v3", username: "u", password: "p", projectName: "ops")
        cloud.auth.projectDomainName = "Default"
        let rescoped = try #require(cloud.rescoped(toProjectID: "abc"))
        #expect(rescoped.auth.projectID == "abc" && rescoped.auth.projectName == nil && rescoped.auth.projectDomainName == nil)
        #expect(rescoped.auth.username == "u" && rescoped.auth.password == "p" && rescoped.auth.userDomainName == "Default")
        #expect(TokenCache.key(for: rescoped) != TokenCache.key(for: cloud))
        cloud.authType = .applicationCredential
        #expect(cloud.rescoped(toProjectID: "abc") == nil)
    }

    static func shares() -> [GlanceV2Client.ImageShares] {
        let image = Image(id: "img", name: "base", visibility: "shared", owner: "me")
        return [GlanceV2Client.ImageShares(image: image, members: [
            ImageMember(imageID: "img", memberID: "a", status: "rejected", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z"),
            ImageMember(imageID: "img", memberID: "b", status: "pending", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z"),
            ImageMember(imageID: "img", memberID: "c", status: "pending", createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-30T00:00:00Z"),
            ImageMember(imageID: "img", memberID: "d", status: "accepted", createdAt: "2026-01-01T00:00:00Z"),
        ])]
    }

    @Test("a sweep selects rejected shares, shares pending since longer than the limit, and shares of projects that are gone")
    func sweepSelection() throws {
        let now = try #require(Timestamp.parse("2026-02-01T00:00:00Z"))
        let rejected = ShareSweep(rejected: true).candidates(Self.shares(), now: now)
        #expect(rejected.map(\.member.memberID) == ["a"] && rejected[0].reasons == ["rejected"])
        // Pending since (updated_at): b for 31 days, c for 2: a 7-day limit takes only b.
        let stale = ShareSweep(pendingOlderThan: 7 * 86_400).candidates(Self.shares(), now: now)
        #expect(stale.map(\.member.memberID) == ["b"] && stale[0].reasons == ["pending 31d"])
        let orphans = ShareSweep(rejected: true, orphans: ["a", "d"]).candidates(Self.shares(), now: now)
        #expect(orphans.map(\.member.memberID) == ["a", "d"] && orphans[0].reasons == ["rejected", "project gone"])
        #expect(ShareSweep().candidates(Self.shares(), now: now).isEmpty)
    }

    static func failure(_ status: Int, _ message: String, url: String = "https://g/v2/images/x/members") -> HTTPFailure {
        HTTPFailure(status: status, message: message, requestID: nil, method: "POST", url: url)
    }

    @Test("a 403 says whether visibility or policy refused; a 413 whether the member quota or a rate limit answered")
    func refusals() {
        #expect(ShareRefusal.reason(Self.failure(403, "Not allowed to create members for image x."))?.hasPrefix("visibility refused it") == true)
        #expect(ShareRefusal.reason(Self.failure(403, "Not allowed to list members for image x: Only shared images have members."))?.hasPrefix("visibility") == true)
        #expect(ShareRefusal.reason(Self.failure(403, "You are not authorized to complete add_member action."))?.contains("owner") == true)
        #expect(ShareRefusal.reason(Self.failure(403, "You are not authorized to complete modify_member action."))?.contains("member project itself") == true)
        #expect(ShareRefusal.reason(Self.failure(413, "Image member limit exceeded for image x: … Attempted: 129, Maximum: 128:"))?.contains("member quota") == true)
        #expect(ShareRefusal.reason(Self.failure(413, "OverLimit Retry..."))?.contains("rate limit") == true)
        // Not a member request, or another status: nothing is added.
        #expect(ShareRefusal.reason(Self.failure(403, "Not allowed to create members for image x.", url: "https://a/api/v2/image_version_memberships")) == nil)
        #expect(ShareRefusal.reason(Self.failure(404, "Image x not found.")) == nil)
        let error = MembershipError.http(Self.failure(403, "You are not authorized to complete delete_member action."))
        #expect(error.description.contains("[policy refused it"))
    }

    @Test("ages are whole units, and a span that is not a number reads as 0s")
    func ages() {
        #expect(Timestamp.age(seconds: 59) == "59s" && Timestamp.age(seconds: 3_600) == "1h" && Timestamp.age(seconds: 86_400 * 40) == "40d")
        #expect(Timestamp.age(seconds: -5) == "0s" && Timestamp.age(seconds: .nan) == "0s" && Timestamp.age(seconds: .infinity) == "0s")
    }

    @Test("work over many items keeps their order whatever the width")
    func orderedWork() async {
        let doubled = await ConcurrentWork.map(Array(0..<50), width: 3) { value -> Int in
            try? await Task.sleep(nanoseconds: UInt64((50 - value) % 7) * 100_000)
            return value * 2
        }
        #expect(doubled == (0..<50).map { $0 * 2 })
        #expect(await ConcurrentWork.map([Int](), width: 0) { $0 }.isEmpty)
    }
}
