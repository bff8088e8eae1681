import Console
import ConsoleRuntime
import MembershipKit
import Testing

/// A record adapter acts only on what its own system prepared: a request or picker of another
/// system (a row routed to the wrong connection) is refused in words, not guessed at.
@Suite("Record adapters: foreign requests")
struct ForeignOperationTests {
    enum Kind: String, CaseIterable { case glanceV1, atmosphere, bonita }

    static func endpoint(_ kind: Kind, _ sandbox: RuntimeSandbox) -> EndpointConfig {
        switch kind {
        case .glanceV1: sandbox.glanceV1Endpoint()
        case .atmosphere: sandbox.atmosphereEndpoint()
        case .bonita: sandbox.bonitaEndpoint("helen.kelly")
        }
    }

    /// Something no system prepared.
    struct Stranger: Hashable, Sendable { let name = "stranger" }

    @Test("an operation it did not prepare is refused, saying what could not be done", arguments: Kind.allCases)
    func foreignOperation(kind: Kind) async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(Self.endpoint(kind, sandbox))
            let foreign = RowOperation(request: RowRef(Stranger()), inFlight: "…", description: "frobnicate golden")
            let error = await #expect(throws: MembershipError.self) { _ = try await adapter.perform(foreign) }
            #expect(error?.description == "this endpoint cannot frobnicate golden")
        }
    }

    @Test("a picker or parent it did not prepare yields nothing", arguments: Kind.allCases)
    func foreignPickerAndParent(kind: Kind) async throws {
        try await RuntimeSandbox.with { sandbox in
            let adapter = try await sandbox.records(Self.endpoint(kind, sandbox))
            #expect(try await adapter.pickerItems(PickerRequest(title: "?", ref: RowRef(Stranger()))).isEmpty)
            #expect(try await adapter.load(.members, parent: RowRef(Stranger())).isEmpty)
        }
    }
}
