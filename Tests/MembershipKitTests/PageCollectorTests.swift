import Testing
@testable import MembershipKit

@Suite("Page collector")
struct PageCollectorTests {
    @Test("A listing that ends exactly at the item limit is whole")
    func exactlyFullIsWhole() throws {
        var collector = PageCollector<Int>(what: "items", policy: PagingPolicy(limits: PagingLimits(maximumItems: 4)))
        let first = collector.add([1, 2], marker: "a", more: true)
        let second = collector.add([3, 4], marker: nil, more: false)
        #expect(first && !second)
        #expect(try collector.finish() == [1, 2, 3, 4])
    }

    @Test("A listing full with more on offer is truncated")
    func fullWithMoreIsTruncated() {
        var collector = PageCollector<Int>(what: "items", policy: PagingPolicy(limits: PagingLimits(maximumItems: 4)))
        let first = collector.add([1, 2], marker: "a", more: true)
        let second = collector.add([3, 4], marker: "b", more: true)
        #expect(first && !second)
        let finished = collector
        #expect(throws: MembershipError.truncated(PagingTruncation(what: "items", reason: .itemLimit(4), kept: 4))) {
            _ = try finished.finish()
        }
    }

    @Test("An overflowing page keeps only what fits")
    func overflowingPage() {
        let log = TruncationLog()
        var collector = PageCollector<Int>(what: "items", policy: PagingPolicy(limits: PagingLimits(maximumItems: 3), onTruncated: log.add))
        let goOn = collector.add([1, 2, 3, 4, 5], marker: nil, more: false)
        #expect(!goOn)
        #expect((try? collector.finish()) == [1, 2, 3])
        #expect(log.all.map(\.reason) == [.itemLimit(3)])
    }
}
