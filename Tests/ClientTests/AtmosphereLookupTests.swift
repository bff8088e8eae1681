import Foundation
import MembershipKit
import Sandbox
import Testing

/// `findVersion` and `findGroup`: what a user types, resolved to exactly one thing or refused in one line.
@Suite("Atmosphere client: lookups by name")
struct AtmosphereLookupTests {
    @Test("findVersion: UUID, 'image:version', or a unique version name")
    func findVersionUnique() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            let id = AtmoDemo.versionID(image: 1, version: 3)
            #expect(try await client.findVersion(id).id == id)
            #expect(try await client.findVersion("Ubuntu 22.04 GIS:2.0").id == id)
            #expect(try await client.findVersion("Jupyter Data Science:1.0").id == AtmoDemo.versionID(image: 4, version: 1))
            #expect(try await client.findVersion("2024.1").id == AtmoDemo.versionID(image: 3, version: 1))
        }
    }

    @Test("findVersion: a shared version name is ambiguous, naming the candidates")
    func findVersionAmbiguous() async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            do {
                _ = try await client.findVersion("1.0")
                Issue.record("'1.0' was taken as unique")
            } catch let MembershipError.ambiguous(message) {
                #expect(message.hasPrefix("3 image versions match '1.0': "))
                #expect(message.contains("Ubuntu 22.04 GIS:1.0 (\(AtmoDemo.versionID(image: 1, version: 1)))"))
                #expect(message.contains("Jupyter Data Science:1.0"))
                #expect(message.contains("Teaching VM 2026:1.0"))
                #expect(!message.contains("\n"))
            }
        }
    }

    @Test("findVersion: nothing matches", arguments: ["9.9", "No Such Image:1.0", "d0b3f4a5-0004-4d40-9e50-000000009999"])
    func findVersionMissing(reference: String) async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            await #expect(throws: MembershipError.notFound("no image version with id or name '\(reference)'")) {
                _ = try await client.findVersion(reference)
            }
        }
    }

    @Test("findGroup: id, UUID or name, among all groups", arguments: ["14", "b8e1d2c3-0002-4b20-9c30-000000000014", "climate-modeling"])
    func findGroupUnique(reference: String) async throws {
        try await ClientSandbox.with { sandbox in
            let group = try await sandbox.atmosphere("olivia").findGroup(reference)
            #expect(group.id == AtmoDemo.group("climate-modeling").id)
            #expect(group.uuid == AtmoDemo.group("climate-modeling").uuid)
        }
    }

    @Test("findGroup: a name is matched exactly, not as a prefix", arguments: ["climate", "Climate-Modeling", "999", "nobody at all"])
    func findGroupMissing(reference: String) async throws {
        try await ClientSandbox.with { sandbox in
            let client = try sandbox.atmosphere("olivia")
            await #expect(throws: MembershipError.notFound("no group with id or name '\(reference)'")) {
                _ = try await client.findGroup(reference)
            }
        }
    }

    @Test("findGroup: a name two groups share is ambiguous, naming both")
    func findGroupAmbiguous() async throws {
        // Atmosphere's group names are unique; a server that allows twins must still not get a guess.
        let twins = #"""
        {"count":2,"next":null,"previous":null,"results":[
         {"id":21,"uuid":"u-21","url":"x","name":"lab two","users":[],"leaders":[]},
         {"id":22,"uuid":"u-22","url":"x","name":"lab two","users":[],"leaders":[]}]}
        """#
        let transport = ScriptedTransport([("GET https://atmo.example.org/api/v2/groups?search=lab&", ScriptedTransport.json(200, twins))])
        let client = AtmosphereClient(endpoint: AtmosphereEndpoint(baseURL: "https://atmo.example.org", credentials: .token("t")),
                                      transport: transport)
        await #expect(throws: MembershipError.ambiguous("2 groups match 'lab two': lab two (21, u-21), lab two (22, u-22); give its id")) {
            _ = try await client.findGroup("lab two")
        }
    }
}
