import Foundation
import Testing
@testable import MembershipKit

/// Picking the image endpoint from a Keystone catalog: type, then interface, then region (api-facts §7).
@Suite("Service catalog")
struct ServiceCatalogTests {
    static let catalogJSON = """
        [
          {"type": "identity", "name": "keystone", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "https://id.example.com/v3", "id": "i1"}]},
          {"type": "image", "name": "glance", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "https://one.example.com:9292", "id": "a"},
            {"interface": "internal", "region_id": "RegionOne", "region": "RegionOne", "url": "http://10.1.0.1:9292", "id": "b"},
            {"interface": "admin", "region_id": "RegionOne", "region": "RegionOne", "url": "http://10.1.0.2:9292", "id": "c"},
            {"interface": "public", "region_id": "RegionTwo", "region": "RegionTwo", "url": "https://two.example.com:9292", "id": "d"},
            {"interface": "internal", "region_id": "RegionTwo", "region": "RegionTwo", "url": "http://10.2.0.1:9292", "id": "e"}]}
        ]
        """

    static func catalog(_ json: String = catalogJSON) throws -> ServiceCatalog {
        ServiceCatalog(services: try JSONDecoder().decode([ServiceCatalog.Service].self, from: Data(json.utf8)))
    }

    @Test("the interface selects among a region's endpoints", arguments: [
        ("public", "https://one.example.com:9292"),
        ("internal", "http://10.1.0.1:9292"),
        ("admin", "http://10.1.0.2:9292"),
    ])
    func interfaceSelection(interface: String, expected: String) throws {
        #expect(try Self.catalog().endpoint(type: "image", interface: interface, region: "RegionOne") == expected)
    }

    @Test("the publicURL/internalURL forms mean public/internal, in the request and in the catalog")
    func urlSuffixForms() throws {
        let catalog = try Self.catalog()
        #expect(try catalog.endpoint(type: "image", interface: "publicURL", region: "RegionOne") == "https://one.example.com:9292")
        #expect(try catalog.endpoint(type: "image", interface: "internalURL", region: "RegionTwo") == "http://10.2.0.1:9292")
        let legacy = try Self.catalog("""
            [{"type": "image", "endpoints": [
              {"interface": "adminURL", "region": "R", "url": "http://admin:9292"},
              {"interface": "publicURL", "region": "R", "url": "http://public:9292"}]}]
            """)
        #expect(try legacy.endpoint(type: "image", interface: "public", region: nil) == "http://public:9292")
    }

    @Test("the region is matched on region_id")
    func regionByID() throws {
        #expect(try Self.catalog().endpoint(type: "image", interface: "public", region: "RegionTwo") == "https://two.example.com:9292")
    }

    @Test("the region is matched on region when region_id is absent, or differs from region")
    func regionByRegion() throws {
        let catalog = try Self.catalog("""
            [{"type": "image", "endpoints": [
              {"interface": "public", "region": "North", "url": "https://north:9292"},
              {"interface": "public", "region_id": "south-id", "region": "South", "url": "https://south:9292"}]}]
            """)
        #expect(try catalog.endpoint(type: "image", interface: "public", region: "North") == "https://north:9292")
        #expect(try catalog.endpoint(type: "image", interface: "public", region: "south-id") == "https://south:9292")
        #expect(try catalog.endpoint(type: "image", interface: "public", region: "South") == "https://south:9292")
    }

    @Test("without a region the first matching endpoint is used", arguments: [nil, ""] as [String?])
    func noRegion(region: String?) throws {
        let catalog = try Self.catalog()
        #expect(try catalog.endpoint(type: "image", interface: "public", region: region) == "https://one.example.com:9292")
        #expect(try catalog.endpoint(type: "image", interface: "internal", region: region) == "http://10.1.0.1:9292")
    }

    @Test("a missing service type is MembershipError.notFound naming the types present")
    func missingType() throws {
        let error = #expect(throws: MembershipError.self) {
            try Self.catalog().endpoint(type: "compute", interface: "public", region: nil)
        }
        guard case let .notFound(text) = error else {
            Issue.record("expected notFound, got \(String(describing: error))")
            return
        }
        #expect(text.contains("compute"))
        #expect(text.contains("identity, image"))
    }

    @Test("an empty catalog is MembershipError.notFound")
    func emptyCatalog() {
        #expect(throws: MembershipError.self) {
            try ServiceCatalog(services: []).endpoint(type: "image", interface: "public", region: nil)
        }
    }

    @Test("a missing interface is MembershipError.notFound naming the interfaces present")
    func missingInterface() throws {
        let catalog = try Self.catalog("""
            [{"type": "image", "endpoints": [{"interface": "internal", "region_id": "R", "url": "http://i:9292"}]}]
            """)
        let error = #expect(throws: MembershipError.self) {
            try catalog.endpoint(type: "image", interface: "public", region: "R")
        }
        guard case let .notFound(text) = error else {
            Issue.record("expected notFound, got \(String(describing: error))")
            return
        }
        #expect(text.contains("public"))
        #expect(text.contains("internal"))
    }

    @Test("a missing region is MembershipError.notFound naming the regions present")
    func missingRegion() throws {
        let error = #expect(throws: MembershipError.self) {
            try Self.catalog().endpoint(type: "image", interface: "admin", region: "RegionTwo")
        }
        guard case let .notFound(text) = error else {
            Issue.record("expected notFound, got \(String(describing: error))")
            return
        }
        #expect(text.contains("RegionTwo"))
        #expect(text.contains("RegionOne"))
    }

    @Test("the catalog survives an encode/decode round trip (it is cached on disk)")
    func codableRoundTrip() throws {
        let catalog = try Self.catalog()
        let decoded = try JSONDecoder().decode(ServiceCatalog.self, from: JSONEncoder().encode(catalog))
        #expect(decoded == catalog)
    }
}
