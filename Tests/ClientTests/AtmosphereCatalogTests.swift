import Foundation
import MembershipKit
import Sandbox
import Testing

/// Images, versions and groups as the caller sees them.
@Suite("Atmosphere client: images, versions and groups")
struct AtmosphereCatalogTests {
    @Test("images: the caller's, public ones and those shared with their groups, each with its versions")
    func images() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let images = try await client.images(pageSize: 3)
            #expect(images.map(\.id) == [1, 2, 3, 4, 5, 6, 8, 9])
            let gis = try #require(images.first)
            #expect(gis.name == "Ubuntu 22.04 GIS")
            #expect(gis.createdBy?.username == "olivia")
            #expect(gis.tags == ["gis", "ubuntu"])
            #expect(gis.isPublic == true)
            #expect(gis.versions.map(\.name) == ["1.0", "1.1", "2.0"])
            #expect(gis.versions.allSatisfy { $0.image == gis.summary })
            #expect(gis.versions.last?.qualifiedName == "Ubuntu 22.04 GIS:2.0")
            // The SDK passes names on untouched; the UI makes them safe to show.
            #expect(images.first { $0.id == 6 }?.name == AtmosphereDemoCatalog.images[5].name)
        }
    }

    @Test("images: search and created_by")
    func imageFilters() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            #expect(try await client.images(search: "rstudio").map(\.id) == [2])
            #expect(try await client.images(createdBy: "oscar").map(\.id) == [8, 9])
            #expect(try await client.images(search: "no-such-words").isEmpty)
        }
    }

    @Test("image by integer id or UUID; an invisible one is 404")
    func image() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let byID = try await client.image(id: "3")
            #expect(byID.name == "Genomics Workbench")
            #expect(try await client.image(id: byID.uuid) == byID)
            let failure = await httpFailure { _ = try await client.image(id: "7") }
            #expect(failure?.status == 404)
            #expect(failure?.message == "Not found.")
        }
    }

    @Test("versions of one image, and one version with its image and shares")
    func versions() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            #expect(try await client.versions(imageID: 1).map(\.name) == ["1.0", "1.1", "2.0"])
            #expect(try await client.versions(createdBy: "oscar").map(\.image?.name) == ["QGIS Desktop", "QGIS Desktop", "Teaching VM 2026"])
            let id = AtmoDemo.versionID(image: 1, version: 3)
            let version = try await client.version(id: id)
            #expect(version.id == id)
            #expect(version.name == "2.0")
            #expect(version.image?.name == "Ubuntu 22.04 GIS")
            #expect(version.createdBy?.username == "olivia")
            #expect(version.membership == ["genomics-lab", "teaching-2026"])
        }
    }

    @Test("groups: without search the caller's own; with it any group by name prefix; empty search every group")
    func groups() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            #expect(try await client.groups().map(\.name) == ["olivia", "genomics-lab", "teaching-2026", "iplant-staff"])
            #expect(try await client.groups(search: "clim").map(\.name) == ["climate-modeling"])
            #expect(try await client.groups(search: "").count == AtmosphereDirectory.groups.count)
            let lab = try #require(try await client.groups(search: "genomics").first)
            #expect(lab.leaders?.map(\.username) == ["olivia"])
            #expect(Set(lab.users?.map(\.username) ?? []) == ["olivia", "cora", "carl"])
        }
    }

    @Test("group by id or UUID, also one the caller is not in")
    func group() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let climate = AtmoDemo.group("climate-modeling")
            #expect(try await client.group(id: String(climate.id)).name == "climate-modeling")
            #expect(try await client.group(id: climate.uuid).id == climate.id)
            let failure = await httpFailure { _ = try await client.group(id: "999") }
            #expect(failure?.status == 404)
        }
    }
}
