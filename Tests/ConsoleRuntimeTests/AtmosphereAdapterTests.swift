import Console
import ConsoleRuntime
import MembershipKit
import Sandbox
import Testing

/// The Atmosphere system against the sandbox's Atmosphere, connected as the console connects to an
/// `atmosphere` endpoint. Demo data: olivia created `Ubuntu 22.04 GIS` (versions 1.0 shared with
/// nobody, 1.1 with genomics-lab, 2.0 with genomics-lab and teaching-2026) among others.
@Suite("Atmosphere adapter")
struct AtmosphereAdapterTests {
    static let gis = "Ubuntu 22.04 GIS"

    @Test("connect logs in and describes the session for the header")
    func connectDescribesTheSession() async throws {
        try await RuntimeSandbox.with { sandbox in
            let endpoint = sandbox.atmosphereEndpoint()
            let info = try await sandbox.connect(endpoint).info
            #expect(info.cloud == endpoint.name && info.userName == "olivia")
            #expect(info.endpointHost == "127.0.0.1:\(sandbox.sandbox.port)")
            #expect(info.system == AtmosphereSystem.model)
        }
    }

    @Test("the images pane lists each image, then its versions under it; a version opens its groups and adds one by a picker")
    func imagesPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.atmosphereEndpoint()).load(.images, parent: nil)
            let seed = AtmosphereSeed.image(Self.gis)
            let start = try #require(rows.firstIndex { $0.key == "image:\(seed.id)" })
            let image = rows[start]
            #expect(image.cells == [Self.gis, String(seed.id), "olivia"])
            #expect(image.isExpandable && !image.opensDetail && image.actions.isEmpty)
            let versions = Array(rows[(start + 1)...].prefix(seed.versions.count))
            #expect(versions.map(\.key) == (1...seed.versions.count).map { AtmosphereSeed.versionKey(Self.gis, $0) })
            for (row, version) in zip(versions, seed.versions) {
                #expect(row.label == "\(Self.gis):\(version.name)")
                #expect(row.depth == 1 && row.parentKey == image.key && row.parentCells == image.cells && row.opensDetail)
                #expect(try row.picker(.share).title == "Group that may launch \(Self.gis):\(version.name)")
            }
        }
    }

    @Test("the groups pane is the detail of a version: each group that may launch it, removable")
    func groupsPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.atmosphereEndpoint())
            let version = try #require(try await adapter.load(.images, parent: nil).first { $0.key == AtmosphereSeed.versionKey(Self.gis, 3) })
            let groups = try await adapter.detail(of: version)
            #expect(groups.map { $0.cells[0] } == ["genomics-lab", "teaching-2026"])
            #expect(groups.map { $0.cells[1] } == [AtmosphereSeed.group("genomics-lab").uuid, AtmosphereSeed.group("teaching-2026").uuid])
            for group in groups {
                #expect(try group.operation(.remove).description == "remove \(group.cells[0]) (\(group.key)) from \(Self.gis):2.0")
            }
            let image = try #require(try await adapter.load(.images, parent: nil).first { $0.key.hasPrefix("image:") })
            #expect(try await adapter.detail(of: image).isEmpty)
        }
    }

    @Test("the overview lists my version memberships by version name, even before the images pane loaded")
    func overviewPane() async throws {
        try await RuntimeSandbox.with { sandbox in
            let rows = try await sandbox.records(sandbox.atmosphereEndpoint()).load(.memberships, parent: nil)
            let expected = AtmosphereSeed.memberships(of: "olivia")
            #expect(rows.map(\.key) == expected.map { String($0.id) })
            #expect(rows.map(\.cells) == expected.map { [$0.version, $0.group, String($0.id)] })
        }
    }

    @Test("adding through the version's picker answers the group row a fresh load shows")
    func addThroughThePicker() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.atmosphereEndpoint())
            let version = try #require(try await adapter.load(.images, parent: nil).first { $0.key == AtmosphereSeed.versionKey(Self.gis, 1) })
            let items = try await adapter.pickerItems(try version.picker(.share))
            #expect(Set(items.map(\.label)).isSuperset(of: AtmosphereDirectory.groups.map(\.name)))
            let climate = try #require(items.first { $0.label == "climate-modeling" })
            #expect(climate.id == AtmosphereSeed.group("climate-modeling").uuid)
            let add = try #require(climate.operation)
            #expect(add.newRow?.cells.first == "climate-modeling")
            let outcome = try await adapter.perform(add)
            let fresh = try await adapter.detail(of: version)
            #expect(fresh.count == 1)
            #expect(outcome == .row(try #require(fresh.first)))
        }
    }

    @Test("adding a group the version has already is refused with Atmosphere's message")
    func addDuplicateRefused() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.atmosphereEndpoint())
            let version = try #require(try await adapter.load(.images, parent: nil).first { $0.key == AtmosphereSeed.versionKey(Self.gis, 2) })
            let items = try await adapter.pickerItems(try version.picker(.share))
            let lab = try #require(items.first { $0.label == "genomics-lab" }?.operation)
            let message = await refusal { _ = try await adapter.perform(lab) }
            #expect(message == "400 Bad Request: The fields image_version, group must make a unique set.")
            #expect(try await adapter.detail(of: version).count == 1)
        }
    }

    @Test("removing answers .removed and the group is gone; removing it again is refused with 'Not found.'")
    func remove() async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(sandbox.atmosphereEndpoint())
            let version = try #require(try await adapter.load(.images, parent: nil).first { $0.key == AtmosphereSeed.versionKey(Self.gis, 3) })
            let lab = try #require(try await adapter.detail(of: version).first { $0.cells[0] == "genomics-lab" })
            let remove = try lab.operation(.remove)
            #expect(try await adapter.perform(remove) == .removed)
            #expect(try await adapter.detail(of: version).map { $0.cells[0] } == ["teaching-2026"])
            #expect(try await adapter.load(.memberships, parent: nil).contains { $0.key == lab.key } == false)
            let message = await refusal { _ = try await adapter.perform(remove) }
            #expect(message == "404 Not Found: Not found.")
        }
    }
}
