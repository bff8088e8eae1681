import Foundation
import Sandbox
import Testing

/// Pathological search parameters answer as Bonita does, never with the sandbox's own 500. Bonita's
/// `Sorts` splits `o` on `,` and each term on ` ` (Java's `split`), `Order.valueOf` the direction, then the
/// engine sorts by each term in turn; its search term is a plain prefix match of any length.
@Suite("Sandbox Bonita search bounds")
struct BonitaSearchBoundsTests {
    @Test("a 3000-term order list sorts as its first term does")
    func longOrderList() async throws {
        try await BonitaTestSession.with { session in
            let terms = Array(repeating: "firstname%20DESC", count: 3000).joined(separator: ",")
            let long = try await session.get("user?p=0&c=10&o=" + terms + ",lastname%20ASC")
            let short = try await session.get("user?p=0&c=10&o=firstname%20DESC,lastname%20ASC")
            #expect(long.status == 200)
            #expect(long.body == short.body)
        }
    }

    @Test("every term's direction is read before any attribute is checked, as Java builds the Sorts first")
    func orderErrors() async throws {
        try await BonitaTestSession.with { session in
            let direction = try await session.get("user?p=0&c=10&o=colour%20ASC,firstname%20UP")
            #expect(direction.status == 500)
            #expect(direction.object["message"] as? String == "No enum constant org.bonitasoft.engine.search.Order.UP")
            let twoSpaces = try await session.get("user?p=0&c=10&o=firstname%20%20ASC")
            #expect(twoSpaces.object["message"] as? String == "No enum constant org.bonitasoft.engine.search.Order.")
            let blankTerm = try await session.get("user?p=0&c=10&o=firstname%20ASC,%20")
            #expect(blankTerm.status == 500)
            #expect(blankTerm.object["exception"] as? String == "class java.lang.ArrayIndexOutOfBoundsException")
            let unknown = try await session.get("user?p=0&c=10&o=firstname%20ASC,colour%20DESC")
            #expect(unknown.status == 500)
            #expect((unknown.object["message"] as? String)?.hasSuffix("Can't sort on the unknown attribute colour") == true)
        }
    }

    @Test("a 60,000-character search term matches nothing; a term with a NUL is matched whole")
    func longSearchTerm() async throws {
        try await BonitaTestSession.with { session in
            let long = try await session.get("user?p=0&c=10&s=" + String(repeating: "a", count: 60_000))
            #expect(long.status == 200)
            #expect(long.body == "[]")
            #expect(long.headers.first(name: "Content-Range") == "0-10/0")
            let nul = try await session.get("user?p=0&c=10&s=wal%00x")
            #expect(nul.body == "[]")
            let prefix = try await session.get("user?p=0&c=10&s=WALT")
            #expect(prefix.array.map { $0["userName"] as? String } == ["walter.bates"])
        }
    }
}
