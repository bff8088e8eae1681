import Foundation
import ConsoleRuntime
import GlanceScript
import Testing
@testable import Console
@testable import MembershipKit

@Suite("Sort with s")
struct SortTests {
    typealias F = ConsoleFixture

    @Test func sCyclesTheImagesColumnsAndWrapsAround() {
        var console = F.connected()
        #expect(console.state.images.sortColumn == 0)
        var names: [String] = []
        for _ in GlanceV2System.model.pane(.images).columns.indices {
            console.press("s")
            names.append(console.state.flash?.text ?? "")
        }
        #expect(names == ["sorted by ID", "sorted by Visibility", "sorted by Owner", "sorted by Share", "sorted by Created", "sorted by Name"])
        #expect(console.state.images.sortColumn == 0)
        #expect(console.state.images.sortDescending == false)
    }

    @Test func theDefaultOrdersAreNameStatusAndMemberID() {
        let console = F.connected()
        #expect(console.state.images.visibleRows.map(\.image.name) == ["alpha", "beta", "delta", "epsilon", "gamma"])
        #expect(console.state.memberships.visibleRows.map(\.status) == ["pending", "accepted", "rejected"])
        #expect(console.state.members.visibleRows.map(\.key) == ["proj-b", "proj-c", "proj-d"])
    }

    @Test func imagesSortByOwnerThenByMyStatus() {
        var console = F.connected()
        console.press("s")
        console.press("s")
        console.press("s")                                          // Owner
        #expect(console.state.images.visibleRows.map(\.image.owner) == ["proj-me", "proj-me", "proj-owner", "proj-owner", "proj-third"])
        console.press("s")                                          // Share: none first, then by status text
        #expect(console.state.images.visibleRows.map(\.myStatus) == [nil, nil, "accepted", "pending", "rejected"])
    }

    @Test func sKeepsTheCursorOnTheSameRow() {
        var console = F.connected(images: F.imagesWithPrivateBeta)
        console.select(F.delta.id)
        #expect(console.state.images.cursor == 2)
        console.press("s")                                          // ID: img-alpha, img-beta, img-delta, img-epsilon, img-gamma
        #expect(console.selectedKey == F.delta.id)
        console.press("s")                                          // Visibility: private first
        #expect(console.selectedKey == F.delta.id)
        #expect(console.state.images.visibleRows.first?.key == F.beta.id)
        console.press("s")                                          // Owner
        #expect(console.selectedKey == F.delta.id)
        #expect(console.state.images.visibleRows.map(\.image.name) == ["alpha", "beta", "gamma", "delta", "epsilon"])
        #expect(console.state.images.cursor == 3)
    }

    @Test func theMembershipsPaneSortsByImageOwnerAndAge() {
        var console = F.connected()
        console.focus(.memberships)
        console.select(F.epsilon.id)
        console.press("s")
        #expect(console.state.flash?.text == "sorted by Image")
        #expect(console.state.memberships.visibleRows.map(\.image.name) == ["delta", "epsilon", "gamma"])
        #expect(console.selectedKey == F.epsilon.id)
        console.press("s")
        #expect(console.state.flash?.text == "sorted by Owner")
        #expect(console.state.memberships.visibleRows.map(\.image.name) == ["gamma", "delta", "epsilon"])
        console.press("s")
        #expect(console.state.flash?.text == "sorted by Age")
        #expect(console.state.memberships.visibleRows.map(\.image.name) == ["delta", "epsilon", "gamma"])
        console.press("s")
        #expect(console.state.flash?.text == "sorted by Status")
        #expect(console.selectedKey == F.epsilon.id)
    }

    @Test func theMembersPaneSortsByStatusCreatedAndUpdated() {
        let members = [
            ImageMember(imageID: F.alpha.id, memberID: "a", status: "rejected", createdAt: "2024-01-01", updatedAt: "2024-01-09"),
            ImageMember(imageID: F.alpha.id, memberID: "b", status: "pending", createdAt: "2024-01-03", updatedAt: "2024-01-02"),
            ImageMember(imageID: F.alpha.id, memberID: "c", status: "accepted", createdAt: "2024-01-02", updatedAt: "2024-01-05"),
        ]
        var console = F.connected(members: members)
        console.focus(.members)
        console.press("s")
        #expect(console.state.members.visibleRows.map(\.key) == ["b", "c", "a"])
        console.press("s")
        #expect(console.state.members.visibleRows.map(\.key) == ["a", "c", "b"])
        console.press("s")
        #expect(console.state.members.visibleRows.map(\.key) == ["b", "c", "a"])
        console.press("s")
        #expect(console.state.members.visibleRows.map(\.key) == ["a", "b", "c"])
    }

    @Test func sortingIsCaseInsensitiveByNameAndStableOnTies() {
        let images = [
            Image(id: "3", name: "b", owner: F.me), Image(id: "1", name: "B", owner: F.me),
            Image(id: "2", name: "a", owner: F.me), Image(id: "0", name: "b", owner: F.me),
        ]
        let console = F.connected(images: images)
        #expect(console.state.images.visibleRows.map(\.key) == ["2", "3", "1", "0"])
    }

    @Test func theSortHoldsAcrossAReload() {
        var console = F.connected(images: F.imagesWithPrivateBeta)
        console.press("s")
        console.press("s")
        let refresh = console.key(.character("R"))
        console.answerImagesAndMemberships(refresh, images: F.imagesWithPrivateBeta)
        #expect(console.state.images.sortColumn == 2)
        #expect(console.state.images.visibleRows.first?.key == F.beta.id)
    }

    @Test func sortAppliesToTheFocusedPaneOnly() {
        var console = F.connected()
        console.focus(.members)
        console.press("s")
        #expect(console.state.members.sortColumn == 1)
        #expect(console.state.images.sortColumn == 0)
        #expect(console.state.memberships.sortColumn == 0)
    }

    @Test("S reverses the sort of the focused pane, on the same column")
    func reverse() {
        var console = F.connected()
        console.press("S")
        #expect(console.state.images.sortDescending)
        #expect(console.state.images.visibleRows.map(\.image.name) == ["gamma", "epsilon", "delta", "beta", "alpha"])
        #expect(console.state.flash?.text == "sorted by Name, descending")
        console.press("S")
        #expect(!console.state.images.sortDescending)
        #expect(console.state.flash?.text == "sorted by Name, ascending")
    }
}
