/// The service catalog from a Keystone token.
public struct ServiceCatalog: Codable, Sendable, Equatable {
    public struct Endpoint: Codable, Sendable, Equatable {
        public var interface: String
        public var region: String?
        public var regionID: String?
        public var url: String

        enum CodingKeys: String, CodingKey {
            case interface, region, url
            case regionID = "region_id"
        }
    }

    public struct Service: Codable, Sendable, Equatable {
        public var type: String
        public var name: String?
        public var endpoints: [Endpoint]
    }

    public var services: [Service]

    public init(services: [Service]) { self.services = services }

    /// Picks an endpoint by service type, then interface (`publicURL` means `public`), then region
    /// (`region_id`, falling back to `region`). Without a region the first matching endpoint is used.
    public func endpoint(type: String, interface: String, region: String?) throws -> String {
        let wantedInterface = Self.normalizeInterface(interface)
        let services = self.services.filter { $0.type == type }
        guard !services.isEmpty else {
            let types = Set(self.services.map(\.type)).sorted().joined(separator: ", ")
            throw MembershipError.notFound("the service catalog has no '\(type)' service (it has: \(types.isEmpty ? "nothing" : types))")
        }
        let byInterface = services.flatMap(\.endpoints).filter { Self.normalizeInterface($0.interface) == wantedInterface }
        guard !byInterface.isEmpty else {
            let interfaces = Set(services.flatMap(\.endpoints).map { Self.normalizeInterface($0.interface) }).sorted().joined(separator: ", ")
            throw MembershipError.notFound("the catalog has no \(wantedInterface) '\(type)' endpoint (interfaces: \(interfaces)); set interface")
        }
        guard let region, !region.isEmpty else { return byInterface[0].url }
        if let match = byInterface.first(where: { ($0.regionID ?? $0.region) == region || $0.region == region }) {
            return match.url
        }
        let regions = Set(byInterface.compactMap { $0.regionID ?? $0.region }).sorted().joined(separator: ", ")
        throw MembershipError.notFound("the catalog has no \(wantedInterface) '\(type)' endpoint in region \(region) (regions: \(regions))")
    }

    static func normalizeInterface(_ value: String) -> String {
        let lower = value.lowercased()
        return lower.hasSuffix("url") ? String(lower.dropLast(3)) : lower
    }
}
