import Console
import Foundation
import MembershipKit

/// One cloud's watch: a look every interval, the changes since the last complete look, and the
/// console's rules (`Freshness`) while the cloud does not answer.
struct CloudWatch: Sendable {
    /// The cloud's name and region, as JSON lines give them.
    let place: WatchPlace
    let glance: GlanceV2Client

    init(_ cloud: CloudConfig, glance: GlanceV2Client) {
        place = WatchPlace(cloud: cloud.name, region: cloud.regionName, label: CloudLabel.of(cloud))
        self.glance = glance
    }

    /// How lines name the cloud: `prod`, or `prod (RegionTwo)`.
    var label: String { place.label }

    /// Returns after the first change with `once`; otherwise runs until cancelled. Throws only what
    /// no retry can mend: an image that does not exist, a configuration mistake.
    /// `credentialsAreFatal`: a refusal of the credentials before the first look ends the watch
    /// (one cloud); with several clouds it is retried, so the others go on.
    func run(references: [String], interval: Double, once: Bool, credentialsAreFatal: Bool = true, output: WatchOutput) async throws {
        var freshness = Freshness()
        var images: [Image]?
        var previous: MemberWatchSnapshot?
        let dates = ShareDateCache()
        while !Task.isCancelled {
            let snapshot: MemberWatchSnapshot
            do {
                if !references.isEmpty, images == nil { images = try await resolve(references) }
                snapshot = try await glance.watchSnapshot(images: images, dates: dates)
            } catch let mistake as CommandLineMistake {
                throw mistake
            } catch {
                if Task.isCancelled { return }
                let failure = MembershipError.wrapping(error)
                if case .configuration = failure { throw failure }
                // Credentials refused before the first look are not a cloud being away: waiting
                // would leave a script's `--once` hanging on a wrong password. Later on, a refusal
                // (an expiring token, a policy change) is retried like any failure.
                if previous == nil, credentialsAreFatal, failure.httpStatus == 401 || failure.httpStatus == 403 { throw failure }
                let now = Date()
                freshness.failed(failure.description, now: now, notBefore: failure.retryAfter.map { now.addingTimeInterval($0) })
                let retryAt = freshness.retryAt ?? now
                // Due now: the next failure schedules the next try (as the console's tick clears it).
                freshness.retryAt = nil
                output.stale(label, since: freshness.staleSince ?? now, reason: failure.description, retryIn: retryAt.timeIntervalSince(now))
                try? await Task.sleep(for: .seconds(max(0, retryAt.timeIntervalSince(Date()))))
                continue
            }
            if freshness.isStale { output.reconnected(label) }
            freshness.refreshed(now: Date())
            if let previous {
                let changes = MemberWatch.changes(from: previous, to: snapshot)
                if await output.report(changes, in: place, session: glance.session), once { return }
            } else {
                output.watching(label, shares: snapshot.shares.count)
            }
            previous = snapshot
            try? await Task.sleep(for: .seconds(interval))
        }
    }

    /// The images `--image` names, looked up once. No such image (or several of that name) is the
    /// user's mistake, said once; a cloud that does not answer is tried again like any look.
    func resolve(_ references: [String]) async throws -> [Image] {
        let (project, isAdmin) = try await glance.session.projectScope(for: "a watch reads your project's shares")
        var images: [Image] = []
        for reference in references {
            let image: Image
            do {
                image = try await glance.findImage(reference)
            } catch let error as MembershipError {
                switch error {
                case .notFound, .ambiguous: throw CommandLineMistake("cloud '\(label)': \(error.description)")
                default: throw error
                }
            }
            let mine = isAdmin || image.owner == project.id
            if mine, let visibility = image.visibility, visibility != "shared" {
                throw CommandLineMistake("cloud '\(label)': image '\(reference)' is \(visibility): only shared images have members")
            }
            images.append(image)
        }
        return images
    }
}
