import Console
import ConsoleRuntime
import Foundation
@testable import MembershipKit
import Testing

/// What a connection reports while it is used (retry waits, listings stopped early) reaches the
/// controller as events, through the runner's `post`.
@Suite("Connection reports")
struct ConnectionReportsTests {
    @Test("retry waits and truncations reported while connecting are posted as events")
    func reportsWhileConnecting() async throws {
        let notice = RetryNotice(method: "GET", url: "https://images.example/v2/images", attempt: 1, delay: 2, status: 413)
        let truncation = PagingTruncation(what: "images", reason: .pageLimit(1), kept: 25)
        let events = PostedEvents()
        let runner = EffectRunner(connector: { _, reports in
            reports.onRetry(notice)
            reports.onTruncated(truncation)
            return RecordingAdapter.connection("reporting", log: EffectLog())
        }, activityLog: nil, post: events.post)
        runner.perform(.connect)
        _ = await events.first { if case .connected = $0 { true } else { nil } }
        #expect(events.matching { if case let .retrying(delay, status) = $0 { "\(delay) \(status ?? 0)" } else { nil } } == ["2.0 413"])
        #expect(events.matching { if case let .listingTruncated(posted) = $0 { posted } else { nil } } == [Truncation(truncation)])
    }

    @Test("a listing stopped by paging.max_items is posted as .listingTruncated, and the pane gets what loaded")
    func truncatedListing() async throws {
        try await RuntimeSandbox.with { sandbox in
            let events = PostedEvents()
            let connector = EndpointConnector([sandbox.bonitaEndpoint("helen.kelly")],
                                              services: RuntimeSandbox.services(paging: PagingLimits(maximumItems: 5)))
            let runner = EffectRunner(connector: connector.connect, activityLog: nil, post: events.post)
            runner.perform(.switchEndpoint("bonita-helen.kelly"))
            _ = await events.first { if case .connected = $0 { true } else { nil } }
            runner.perform(.loadRows(request: 1, connection: nil, pane: .images, parent: nil, scope: .mine))
            let rows = try #require(await events.first { if case let .rowsLoaded(1, result) = $0 { result } else { nil } }).get()
            #expect(rows.count == 5)
            let truncation = events.matching { if case let .listingTruncated(posted) = $0 { posted } else { nil } }
            #expect(truncation == [Truncation(PagingTruncation(what: "Bonita users", reason: .itemLimit(5), kept: 5))], "\(truncation)")
        }
    }
}
