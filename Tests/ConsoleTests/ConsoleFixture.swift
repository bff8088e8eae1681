import Foundation
import Testing
@testable import Console
import ConsoleRuntime
import GlanceScript
@testable import MembershipKit

/// A console driven only through `ConsoleUpdate.update`, with a fixed clock that the tests advance.
///
/// `ConsoleFixture.connected()` is a state after `.connected` with the images, memberships and the
/// members of the first image (alpha, mine) loaded:
///
/// | image   | owner        | my status |
/// |---------|--------------|-----------|
/// | alpha   | me (shared)  | –         |  members: proj-b pending, proj-c accepted, proj-d rejected
/// | beta    | me (shared)  | –         |
/// | delta   | proj-owner   | accepted  |
/// | epsilon | proj-third   | rejected  |
/// | gamma   | proj-owner   | pending   |
struct ConsoleFixture {
    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    static let me = "proj-me"

    static let alpha = Image(id: "img-alpha", name: "alpha", status: "active", visibility: "shared", owner: me)
    static let beta = Image(id: "img-beta", name: "beta", status: "active", visibility: "shared", owner: me)
    static let delta = Image(id: "img-delta", name: "delta", status: "active", visibility: "shared", owner: "proj-owner")
    static let epsilon = Image(id: "img-epsilon", name: "epsilon", status: "active", visibility: "shared", owner: "proj-third")
    static let gamma = Image(id: "img-gamma", name: "gamma", status: "active", visibility: "shared", owner: "proj-owner")

    static let images = [gamma, alpha, delta, beta, epsilon]
    /// The same images with beta private: Glance keeps no members for it (sorting by visibility
    /// has two values to order).
    static let imagesWithPrivateBeta = images.map { image in
        var image = image
        if image.id == beta.id { image.visibility = "private" }
        return image
    }
    static let memberships = [
        Membership(image: gamma, status: "pending", sharedAt: "2024-01-03T00:00:00Z"),
        Membership(image: delta, status: "accepted", sharedAt: "2024-01-01T00:00:00Z"),
        Membership(image: epsilon, status: "rejected", sharedAt: "2024-01-02T00:00:00Z"),
    ]
    static let alphaMembers = [
        ImageMember(imageID: alpha.id, memberID: "proj-b", status: "pending", createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z"),
        ImageMember(imageID: alpha.id, memberID: "proj-c", status: "accepted", createdAt: "2024-01-02T00:00:00Z", updatedAt: "2024-01-02T00:00:00Z"),
        ImageMember(imageID: alpha.id, memberID: "proj-d", status: "rejected", createdAt: "2024-01-03T00:00:00Z", updatedAt: "2024-01-03T00:00:00Z"),
    ]
    /// The members an image shared with me shows: my own row only.
    static func myRow(_ image: Image, _ status: String) -> [ImageMember] {
        [ImageMember(imageID: image.id, memberID: me, status: status)]
    }

    /// Where and as whom the fixture's session is, as the activity log names it.
    static let place = "test"
    static let user = "alice@me"

    static func session(admin: Bool = false) -> SessionInfo {
        SessionInfo(cloud: "test", region: "RegionOne", userName: "alice", projectName: "me", projectID: me,
                    endpointHost: "glance.test:9292", isAdmin: admin, system: GlanceV2System.model)
    }

    static func httpError(_ status: Int = 403, _ message: String = "You are not permitted", requestID: String? = "req-42") -> MembershipError {
        .http(HTTPFailure(status: status, message: message, requestID: requestID, method: "PUT", url: "http://glance.test:9292/v2/images"))
    }

    var state: ConsoleState
    /// The wall clock the next tick carries.
    var now: Date
    /// Every effect returned so far, in order.
    var log: [Effect] = []

    init(settings: ConsoleSettings = ConsoleSettings()) {
        state = ConsoleState(settings: settings, system: GlanceV2System.model, now: Self.t0)
        now = Self.t0
    }

    /// A connected console with images, memberships and alpha's members loaded; focus on images, cursor on alpha.
    static func connected(settings: ConsoleSettings = ConsoleSettings(), admin: Bool = false,
                          images: [Image] = ConsoleFixture.images,
                          memberships: [Membership] = ConsoleFixture.memberships,
                          members: [ImageMember] = ConsoleFixture.alphaMembers) -> ConsoleFixture {
        var console = ConsoleFixture(settings: settings)
        console.send(.resize(width: 120, height: 40, paneHeights: [.images: 10, .members: 5, .memberships: 5]))
        let loads = console.send(.connected(session(admin: admin)))
        console.send(.membershipsLoaded(request: loads.membershipsRequests[0], .success(memberships)))
        console.send(.imagesLoaded(request: loads.imagesRequests[0], .success(images)))
        // The members pane follows the images cursor on the next tick.
        let follow = console.tick()
        if let request = follow.membersRequests.first {
            console.send(.membersLoaded(request: request.request, imageID: request.imageID, .success(members)))
        }
        console.log = []
        return console
    }

    @discardableResult
    mutating func send(_ event: Event) -> [Effect] {
        let effects = ConsoleUpdate.update(&state, event)
        log += effects
        return effects
    }

    /// Sends what Glance v2 answered, as the runner would post it.
    @discardableResult
    mutating func send(_ answer: GlanceScript) -> [Effect] { send(answer.event(in: state)) }

    @discardableResult
    mutating func key(_ key: KeyPress) -> [Effect] { send(.key(key)) }

    @discardableResult
    mutating func press(_ character: Character) -> [Effect] { send(.key(.character(character))) }

    /// Types text one character at a time; returns every effect.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] { text.flatMap { send(.key(.character($0))) } }

    /// Advances the clock and sends one tick.
    @discardableResult
    mutating func tick(_ seconds: Double = 0.25) -> [Effect] {
        now = now.addingTimeInterval(seconds)
        return send(.tick(now))
    }

    /// Focuses a pane with Tab.
    mutating func focus(_ pane: PaneID) {
        var guardCount = 0
        while state.focus != pane && guardCount < 3 {
            key(.tab)
            guardCount += 1
        }
        #expect(state.focus == pane)
    }

    /// Moves the focused pane's cursor to the row with this key (j from the top).
    mutating func select(_ key: String) {
        self.key(.character("g"))
        for _ in 0..<50 where selectedKey != key { self.key(.character("j")) }
        #expect(selectedKey == key)
    }

    var selectedKey: String? { state.records.pane(state.focus).selected?.key }

    /// Opens the members of an image from the images pane (Enter) and answers the load.
    mutating func openMembers(of imageID: String, _ members: [ImageMember]) {
        focus(.images)
        select(imageID)
        let effects = key(.enter)
        if let request = effects.membersRequests.first {
            send(.membersLoaded(request: request.request, imageID: imageID, .success(members)))
        }
        #expect(state.membersImageID == imageID)
        #expect(state.focus == .members)
    }

    /// Answers the images and memberships loads among these effects (a refresh) with the fixture's data.
    mutating func answerImagesAndMemberships(_ effects: [Effect], images: [Image] = ConsoleFixture.images,
                                             memberships: [Membership] = ConsoleFixture.memberships) {
        for request in effects.imagesRequests { send(.imagesLoaded(request: request, .success(images))) }
        for request in effects.membershipsRequests { send(.membershipsLoaded(request: request, .success(memberships))) }
    }

    func membership(_ imageID: String) -> RecordRow? { state.memberships.row(key: imageID) }
    func member(_ memberID: String) -> RecordRow? { state.members.row(key: memberID) }
    func image(_ imageID: String) -> RecordRow? { state.images.row(key: imageID) }
}
