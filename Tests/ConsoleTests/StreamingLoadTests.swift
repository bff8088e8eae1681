import Foundation
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

/// The images pane's first listing is shown page by page as it arrives; a refresh is not.
@Suite("Images shown as their pages arrive")
struct StreamingLoadTests {
    typealias F = ConsoleFixture

    @Test("the first pages are on screen, sorted, before the listing ends; the end replaces them with the whole list")
    func firstLoadShowsPages() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma, F.alpha]))
        #expect(console.imageNames == ["alpha", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.alpha.id)
        console.press("j")
        // A later page lands in sorted places; the cursor stays on its row (gamma), and a row seen twice shows once.
        console.send(GlanceScript.imagesArrived(request: request, [F.delta, F.beta, F.gamma]))
        #expect(console.imageNames == ["alpha", "beta", "delta", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.gamma.id)
        console.send(.imagesLoaded(request: request, .success(F.images)))
        #expect(console.imageNames == ["alpha", "beta", "delta", "epsilon", "gamma"])
        #expect(console.state.records.primary.selected?.key == F.gamma.id)
        #expect(console.state.streamingLoad == nil)
    }

    @Test("a filter typed while pages arrive applies to each page")
    func filterWhileLoading() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma]))
        console.type("/ta")
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.delta, F.beta]))
        #expect(console.imageNames == ["beta", "delta"])
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
        #expect(console.imageNames == ["alpha", "beta", "delta", "epsilon", "gamma"])
    }

    @Test("a page of another load, or after the end, changes nothing")
    func stalePagesIgnored() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request + 1000, [F.alpha]))
        #expect(console.state.images.rows.isEmpty)
        console.send(.imagesLoaded(request: request, .success([F.beta])))
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        #expect(console.imageNames == ["beta"])
    }
}

@Suite("The end of a listing that came in pages")
struct StreamingLoadEndTests {
    typealias F = ConsoleFixture

    /// Presses R on a loaded console and returns its images load.
    static func refresh(_ console: inout F) -> Int? {
        guard let request = console.press("R").imagesRequests.first else {
            Issue.record("R starts no images load")
            return nil
        }
        return request
    }

    @Test("the end carries only the rows no page carried: they join the pages shown, and an image listed twice shows once")
    func endJoinsPages() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma, F.beta]))
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.beta]))
        console.send(.imagesLoaded(request: request, .success([F.delta])))
        #expect(console.imageNames == ["alpha", "beta", "delta", "gamma"])
        #expect(console.state.streamingLoad == nil)
        #expect(console.state.images.loading == .idle)
    }

    @Test("an empty end after the pages leaves them as shown, with a row the operator acted on meanwhile")
    func emptyEndKeepsPages() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request, F.images))
        let shown = console.state.images.rows
        console.send(.imagesLoaded(request: request, .success([])))
        #expect(console.state.images.rows == shown)
        #expect(console.imageNames == ["alpha", "beta", "delta", "epsilon", "gamma"])
    }

    @Test("a refresh's pages are kept, not shown, and with its end they are the listing: an image gone disappears then")
    func refreshPagesMakeTheListing() {
        var console = F.connected()
        guard let request = Self.refresh(&console) else { return }
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.beta]))
        console.send(GlanceScript.imagesArrived(request: request, [F.gamma]))
        #expect(console.imageNames == ["alpha", "beta", "delta", "epsilon", "gamma"])
        console.send(.imagesLoaded(request: request, .success([F.delta])))
        #expect(console.imageNames == ["alpha", "beta", "delta", "gamma"])
        #expect(console.state.arrivedPages.isEmpty)
    }

    @Test("pages of a refresh that failed are dropped with it, and a page after the end is not kept")
    func pagesOfAFailedLoadDropped() {
        var console = F.connected()
        guard let request = Self.refresh(&console) else { return }
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        console.send(.imagesLoaded(request: request, .failure(F.httpError(500, "connection reset"))))
        #expect(console.state.arrivedPages.isEmpty)
        #expect(console.imageNames == ["alpha", "beta", "delta", "epsilon", "gamma"])
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        #expect(console.state.arrivedPages.isEmpty, "a page of a finished load is not kept")
    }

    @Test("pages of a refresh replaced by another load (`:images all`) are dropped with it")
    func pagesOfAReplacedLoadDropped() {
        var console = F.connected()
        guard let request = Self.refresh(&console) else { return }
        console.send(GlanceScript.imagesArrived(request: request, [F.beta]))
        #expect(console.state.arrivedPages[request] != nil)
        console.press(":")
        console.type("images all")
        #expect(console.key(.enter).imagesRequests.count == 1)
        #expect(console.state.arrivedPages.isEmpty)
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha]))
        #expect(console.state.arrivedPages.isEmpty)
    }
}

@Suite("A first listing whose later page is a tree")
struct StreamingTreePageTests {
    typealias F = ConsoleFixture

    @Test("pages shown before a page of a tree stay part of the listing at its end")
    func shownPagesJoinTheTree() {
        var console = F()
        let request = console.startImagesLoad()
        console.send(GlanceScript.imagesArrived(request: request, [F.alpha, F.beta]))
        var child = RecordRow(key: "child", cells: ["child", "c"], ref: RowRef("child"), parentKey: F.alpha.id)
        child.connection = console.state.session?.connection
        console.send(.rowsArrived(request: request, [child]))
        #expect(console.state.arrivedPages[request]?.map(\.key) == ["child"])
        console.send(.imagesLoaded(request: request, .success([])))
        let keys = Set(console.state.records.tree.map(\.key))
        #expect(keys.isSuperset(of: [F.alpha.id, F.beta.id, "child"]), "\(keys)")
        #expect(console.state.arrivedPages.isEmpty)
    }
}

extension ConsoleFixture {
    /// Lays the console out at 120×40 and connects it; returns its first images load, just asked for.
    mutating func startImagesLoad() -> Int {
        send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        return send(.connected(Self.session())).imagesRequests[0]
    }

    /// The names in the images pane, as shown.
    var imageNames: [String] { state.images.visibleRows.map { $0.image.name ?? "" } }
}
