import Foundation

/// An image's additional properties (Glance's `extra_properties`): string values under any name outside the
/// schema's own, such as `os_distro` or openstackclient's `owner_specified.openstack.md5`. They keep the order
/// they were added in (a replace keeps its place), which is the order Glance writes them in, first in the
/// image's JSON.
struct GlanceImageProperties: Sendable, Equatable {
    /// Glance's `image_property_quota` default.
    static let quota = 128

    private(set) var pairs: [Pair] = []

    struct Pair: Sendable, Equatable, Codable {
        var name: String
        var value: String
    }

    init(_ pairs: [(String, String)] = []) {
        for (name, value) in pairs { self[name] = value }
    }

    /// Decodes the stored column (a JSON list of `[name, value]`); an unreadable column is no properties.
    init(stored: String?) {
        let lists = stored.flatMap { try? JSONDecoder().decode([[String]].self, from: Data($0.utf8)) } ?? []
        self.init(lists.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
    }

    var stored: String {
        String(decoding: (try? JSONEncoder().encode(pairs.map { [$0.name, $0.value] })) ?? Data("[]".utf8), as: UTF8.self)
    }

    var count: Int { pairs.count }

    subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            let index = pairs.firstIndex { $0.name == name }
            switch (index, newValue) {
            case let (index?, value?): pairs[index].value = value
            case let (nil, value?): pairs.append(Pair(name: name, value: value))
            case let (index?, nil): pairs.remove(at: index)
            case (nil, nil): break
            }
        }
    }

    func contains(_ name: String) -> Bool { self[name] != nil }

    /// Glance's 413 when an image would hold more than the quota allows.
    func checkQuota() throws {
        guard count > Self.quota else { return }
        throw GlanceFault(status: GlanceFault.requestEntityTooLarge,
                          detail: "The limit has been exceeded on the number of allowed image properties. Attempted: \(count), Maximum: \(Self.quota)")
    }
}
