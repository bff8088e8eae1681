import Foundation
import Testing
@testable import MembershipKit

/// Joining Glance's `next` links (relative to the service root) to the configured endpoint (api-facts §3).
@Suite("URL joining")
struct URLJoiningTests {
    @Test("appending joins with exactly one slash and keeps the base path", arguments: [
        ("http://h:9292/v2", "images", "http://h:9292/v2/images"),
        ("http://h:9292/v2/", "images", "http://h:9292/v2/images"),
        ("http://h:9292/v2", "/images", "http://h:9292/v2/images"),
        ("http://h:9292/v2/", "/images", "http://h:9292/v2/images"),
        ("https://cloud/image/v2", "images/abc/members", "https://cloud/image/v2/images/abc/members"),
        ("http://h:9292/v2/", "", "http://h:9292/v2"),
    ])
    func appending(base: String, path: String, expected: String) {
        #expect(URLJoining.appending(base, path) == expected)
    }

    @Test("resolving Glance's next link against the versioned endpoint", arguments: [
        // Plain Glance.
        ("/v2/images?limit=2&marker=x", "http://h:9292/v2", "http://h:9292/v2/images?limit=2&marker=x"),
        ("/v2/images?limit=2&marker=x", "http://h:9292/v2/", "http://h:9292/v2/images?limit=2&marker=x"),
        // Behind a path-prefix proxy (devstack): the /image prefix is kept.
        ("/v2/images?limit=2&marker=x", "https://cloud/image/v2", "https://cloud/image/v2/images?limit=2&marker=x"),
        // Rackspace puts the tenant after the version.
        ("/v2/images?limit=2&marker=x", "https://h/v2/123456", "https://h/v2/123456/images?limit=2&marker=x"),
        // A link without a leading slash is relative to the versioned endpoint.
        ("images?limit=2&marker=x", "http://h:9292/v2", "http://h:9292/v2/images?limit=2&marker=x"),
    ])
    func resolveRelative(link: String, base: String, expected: String) {
        #expect(URLJoining.resolve(link: link, versionedBase: base) == expected)
    }

    @Test("an absolute link on the endpoint's own host and path is kept as it is")
    func absoluteSameOrigin() {
        let link = "https://cloud/image/v2/images?limit=2&marker=x"
        #expect(URLJoining.resolve(link: link, versionedBase: "https://cloud/image/v2") == link)
        let plain = "http://h:9292/v2/images?marker=abc"
        #expect(URLJoining.resolve(link: plain, versionedBase: "http://h:9292/v2") == plain)
    }

    @Test("an absolute link to another host is reduced to its path on the configured host")
    func absoluteOtherHost() {
        let resolved = URLJoining.resolve(link: "http://internal-glance:9292/v2/images?limit=2&marker=x",
                                          versionedBase: "https://cloud.example.com/image/v2")
        #expect(resolved == "https://cloud.example.com/image/v2/images?limit=2&marker=x")
        #expect(!resolved.contains("internal-glance"))
    }

    @Test("an absolute link to the same host but another port or scheme is reduced to its path", arguments: [
        "http://h:9999/v2/images?marker=x", "https://h:9292/v2/images?marker=x",
    ])
    func absoluteOtherPortOrScheme(link: String) {
        #expect(URLJoining.resolve(link: link, versionedBase: "http://h:9292/v2") == "http://h:9292/v2/images?marker=x")
    }

    @Test("an absolute same-host link outside the endpoint path keeps the endpoint's prefix")
    func absoluteSameHostWithoutPrefix() {
        let resolved = URLJoining.resolve(link: "https://cloud/v2/images?marker=x", versionedBase: "https://cloud/image/v2")
        #expect(resolved == "https://cloud/image/v2/images?marker=x")
    }

    @Test("a rooted link that already carries the service prefix is not prefixed twice")
    func rootedWithPrefix() {
        let resolved = URLJoining.resolve(link: "/image/schemas/images", versionedBase: "https://cloud/image/v2")
        #expect(resolved == "https://cloud/image/schemas/images")
    }

    @Test("a rooted link that is not under the version goes under the service prefix")
    func rootedWithoutVersion() {
        let resolved = URLJoining.resolve(link: "/schemas/images", versionedBase: "https://cloud/image/v2")
        #expect(resolved == "https://cloud/image/schemas/images")
    }

    @Test("a /v2x path is not mistaken for the version segment")
    func versionLikePrefix() {
        let resolved = URLJoining.resolve(link: "/v2extra/images", versionedBase: "http://h:9292/v2")
        #expect(resolved == "http://h:9292/v2extra/images")
    }
}

/// The versioned image endpoint from a catalog root (`OpenStackSession.versioned`, internal).
@Suite("Versioned image endpoint")
struct VersionedEndpointTests {
    @Test("v2 is appended unless the root already names a v2 version", arguments: [
        ("http://h:9292", "http://h:9292/v2"),
        ("http://h:9292/", "http://h:9292/v2"),
        ("https://cloud/image", "https://cloud/image/v2"),
        ("https://cloud/image/", "https://cloud/image/v2"),
        ("http://h:9292/v2", "http://h:9292/v2"),
        ("http://h:9292/v2/", "http://h:9292/v2"),
        ("http://h:9292/v2.1", "http://h:9292/v2.1"),
        ("https://h/v2/123456", "https://h/v2/123456"),
    ])
    func versioned(root: String, expected: String) {
        #expect(OpenStackSession.versioned(root, version: "v2") == expected)
    }
}
