import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// The images pane's first listing is shown page by page as it arrives; a refresh is not.
@Suite("Images shown as their pages arrive")
struct StreamingLoadTests {
    typealias F = ConsoleFixture

    static func names(_ console: F) -> [String] { console.state.images.visibleRows.map { $0.image.name ?? "" } }

    @Test("the first pages are on screen, sorted, before the listing ends; the end replaces them with the whole list")
    func firstLoadShowsPages() {
        var console = F()
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        let loads = console.send(.connected(F.session()))
        let request = loads.imagesRequests[0]
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma, F.alpha]))
        #expect(Self.names(console) == ["alpha", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.alpha.id)
        console.press("j")
        // A later page lands in sorted places; the cursor stays on its row (gamma), and a row seen twice shows once.
        console.send(GlanceScript.imagesArrived(request: request, [F.delta, F.beta, F.gamma]))
        #expect(Self.names(console) == ["alpha", "beta", "delta", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.gamma.id)
        console.send(.imagesLoaded(request: request, .success(F.images)))
        #expect(Self.names(console) == ["alpha", "beta", "delta", "epsilon", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.gamma.id)
        #expect(console.state.streamingLoad == nil)
    }

    @Test("a filter typed while pages arrive applies to each page")
    func filterWhileLoading() {
        var console = F()
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        let request = console.send(.connected(F.session())).imagesRequests[0]
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma]))
        console.type("/ta")
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.delta, F.beta]))
        #expect(Self.names(console) == ["beta", "delta"])
    }

    @Test("a refresh's pages are not shown: the rows change once, at its end")
    func refreshIsWhole() {
        var console = F.connected()
        let refresh = console.press("R").imagesRequests
        guard let request = refresh.first else {
            Issue.record("R starts no images load")
            return
        }
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        #expect(Self.names(console) == ["alpha", "beta", "delta", "epsilon", "gamma"])
    }

    @Test("a page of another load, or after the end, changes nothing")
    func stalePagesIgnored() {
        var console = F()
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        let request = console.send(.connected(F.session())).imagesRequests[0]
        console.send(GlanceScript.imagesArrived(request: request + 1000, [F.alpha]))
        #expect(console.state.images.rows.isEmpty)
        console.send(.imagesLoaded(request: request, .success([F.beta])))
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        #expect(Self.names(console) == ["beta"])
    }
}

@Suite("The end of a streamed listing")
struct StreamingLoadEndTests {
    typealias F = ConsoleFixture

    @Test("a listing that differs from its pages (an image gone, one listed twice) shows the listing as it ended")
    func endDiffersFromPages() {
        var console = F()
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        let request = console.send(.connected(F.session())).imagesRequests[0]
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.beta]))
        console.send(.imagesLoaded(request: request, .success([F.alpha, F.alpha])))
        #expect(console.state.images.rows.map(\.key) == [F.alpha.id])
    }
}
