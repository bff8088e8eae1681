/// Every set of credentials an operator holds: each cloud of clouds.yaml, in each region it lists.
extension CloudConfigLoader {
    /// A cloud that could not be loaded, and why: one broken entry must not hide the others.
    public struct Unloadable: Sendable, Error {
        public let name: String
        public let error: ConfigurationError
    }

    /// The clouds `names` asks for (nil: every cloud of the files and `OS_*`), each once per region
    /// it lists (only `region` when one is given), in the files' order.
    public func every(_ names: [String]? = nil, region: String? = nil) throws -> [Result<CloudConfig, Unloadable>] {
        let wanted = try names ?? cloudNames()
        var seen = Set<String>()
        var targets: [Result<CloudConfig, Unloadable>] = []
        for name in wanted where seen.insert(name).inserted {
            do {
                let first = try load(cloudName: name, regionName: region)
                targets.append(.success(first))
                guard region == nil else { continue }
                for other in first.regionNames where other != first.regionName {
                    targets.append(.success(try load(cloudName: name, regionName: other)))
                }
            } catch let error as ConfigurationError {
                targets.append(.failure(Unloadable(name: name, error: error)))
            }
        }
        return targets
    }
}
