import Foundation

/// `GET /v2/images` parameters, validated with Glance's messages.
struct GlanceImageQuery {
    static let sortKeys = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"]
    static let visibilities = ["public", "private", "shared", "community", "all"]
    static let memberStatuses = ["pending", "accepted", "rejected", "all"]
    /// Parameters with a meaning of their own; any other name filters on an image property.
    static let reserved: Set<String> = ["limit", "marker", "sort", "sort_key", "sort_dir", "member_status", "visibility",
                                        "owner", "name", "status", "disk_format", "container_format", "tag", "protected", "os_hidden", "id"]

    var limit = 25
    var marker: String?
    var sort: [(key: String, descending: Bool)] = []
    var memberStatus = "accepted"
    var visibility: String?
    var filters: [String: String] = [:]
    var tags: [String] = []
    var propertyFilters: [(String, String)] = []
    /// The query as given, less the marker: the base of `first` and `next`.
    var linkPairs: [(String, String)] = []

    init(pairs: [(String, String)]) throws {
        linkPairs = pairs.filter { $0.0 != "marker" }
        var oldKeys: [String] = []
        var oldDirs: [String] = []
        var newSort: String?
        for (name, value) in pairs {
            switch name {
            case "limit":
                guard let number = PythonInt.parse(value) else { throw GlanceFault.badRequest("limit param must be an integer") }
                guard number >= 0 else { throw GlanceFault.badRequest("limit param must be positive") }
                limit = min(number, 1000)
            case "marker": marker = value
            case "sort": newSort = value
            case "sort_key": oldKeys.append(value)
            case "sort_dir": oldDirs.append(value)
            case "member_status":
                guard Self.memberStatuses.contains(value) else { throw GlanceFault.badRequest("Invalid status: \(value)") }
                memberStatus = value
            case "visibility":
                guard Self.visibilities.contains(value) else { throw GlanceFault.badRequest("Invalid visibility value: \(value)") }
                visibility = value
            case "tag": tags.append(value)
            case "owner", "name", "status", "disk_format", "container_format", "protected", "os_hidden", "id": filters[name] = value
            default: propertyFilters.append((name, value))
            }
        }
        if newSort != nil, !oldKeys.isEmpty || !oldDirs.isEmpty {
            throw GlanceFault.badRequest("Old and new sorting syntax cannot be combined")
        }
        if let newSort {
            sort = try Self.parseNewSort(newSort)
        } else {
            sort = try Self.parseOldSort(keys: oldKeys, dirs: oldDirs)
        }
    }

    private static func validKey(_ key: String) throws -> String {
        guard sortKeys.contains(key) else {
            throw GlanceFault.badRequest("Invalid sort key: \(key). It must be one of the following: \(sortKeys.joined(separator: ", ")).")
        }
        return key
    }

    private static func descending(_ direction: String) throws -> Bool {
        switch direction {
        case "asc": return false
        case "desc": return true
        default: throw GlanceFault.badRequest("Invalid sort direction: \(direction)")
        }
    }

    /// `sort=name:asc,size` (a key without a direction is descending); tie-breakers `created_at`, `id` descending.
    private static func parseNewSort(_ text: String) throws -> [(key: String, descending: Bool)] {
        var result: [(key: String, descending: Bool)] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = try validKey(pieces[0])
            result.append((key, pieces.count > 1 ? try descending(pieces[1]) : true))
        }
        return withTieBreakers(result, defaultDescending: true)
    }

    /// `sort_key=name&sort_dir=asc`: one direction applies to every key and to the tie-breakers.
    private static func parseOldSort(keys: [String], dirs: [String]) throws -> [(key: String, descending: Bool)] {
        let sortKeys = try (keys.isEmpty ? ["created_at"] : keys).map(validKey)
        let directions = try dirs.map(descending)
        var defaultDescending = true
        var result: [(key: String, descending: Bool)] = []
        if directions.count == 1 { defaultDescending = directions[0] }
        for (index, key) in sortKeys.enumerated() {
            let direction = directions.count == 1 ? directions[0] : (index < directions.count ? directions[index] : true)
            result.append((key, direction))
        }
        return withTieBreakers(result, defaultDescending: defaultDescending)
    }

    private static func withTieBreakers(_ sort: [(key: String, descending: Bool)], defaultDescending: Bool) -> [(key: String, descending: Bool)] {
        var result = sort
        for key in ["created_at", "id"] where !result.contains(where: { $0.key == key }) {
            result.append((key, defaultDescending))
        }
        return result
    }

    /// Whether `a` comes before `b` in this query's order.
    func orders(_ a: GlanceImageRecord, before b: GlanceImageRecord) -> Bool {
        for (key, descending) in sort {
            let left = a.sortValue(key), right = b.sortValue(key)
            if left == right { continue }
            return descending ? right < left : left < right
        }
        return false
    }
}
