import Console
import ConsoleRuntime
import CursesUI
import Foundation
import MembershipKit
import TerminalText

// Benchmark (not a test): render time per frame and peak memory of the console with 10,000 images,
// 100 members on the selected image and 100 shares in the inbox, driven through `update` as keys
// and results would drive it. Usage: console-bench [IMAGES [FRAMES]]
// BENCH_VERBOSE=1 prints memory after each step and every filter keystroke's time; BENCH_PANE_ONLY=1
// stops after putting the rows in a bare pane (the pane's own indexes, without the console's state).

let imageCount = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let frameCount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 2_000 : 2_000
TerminalLocale.adopt()

func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let baseline = peakResidentMegabytes()
let start = Date(timeIntervalSince1970: 1_790_000_000)
var state = ConsoleState(now: start)
let project = "0f7c45d9dc6347c5be251ba6814ee9e5"
_ = ConsoleUpdate.update(&state, .resize(width: 120, height: 40, paneHeights: Layout.rowCapacity(width: 120, height: 40)))
_ = ConsoleUpdate.update(&state, .connected(SessionInfo(cloud: "bench", region: "RegionOne", userName: "member", projectName: "member",
                                                         projectID: project, endpointHost: "127.0.0.1:9292", system: GlanceV2System.model)))
let names = ["ubuntu-24.04-golden", "debian-12", "rocky-9 (hardened)", "windows-2022", "テスト画像", "🚀 launch image", "fedora-41"]
/// The image at `index` of the listing, made when needed: the console turns each page's images into
/// rows as the page arrives (`GlanceV2Client.listImages(_:progress:each:)`) and keeps only the rows.
func benchImage(_ index: Int) -> Image {
    var image = Image(id: String(format: "%08x-0000-4000-8000-%012x", index, index), name: "\(names[index % names.count])-\(index)",
                      status: "active", visibility: index % 3 == 0 ? "shared" : "private",
                      owner: index % 2 == 0 ? project : String(format: "%032x", index % 50))
    image.createdAt = "2026-11-\(10 + index % 12)T10:00:00Z"
    return image
}
let images = (0..<min(100, imageCount)).map(benchImage)
let verbose = ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil
func currentResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
    }
    return 0
}
if verbose { print(String(format: "after the images: %.1f MB (peak %.1f)", currentResidentMegabytes(), peakResidentMegabytes())) }
let memberships = images.prefix(100).map { Membership(image: $0, status: ["pending", "accepted", "rejected"][abs($0.id.hashValue) % 3], sharedAt: "2026-11-20T10:00:00Z") }
let members = (0..<100).map { ImageMember(imageID: images[0].id, memberID: String(format: "%032x", $0), status: "pending", createdAt: "2026-11-20T10:00:00Z", updatedAt: "2026-11-21T10:00:00Z") }

// The loads the console would have requested on connecting.
let viewer = GlanceV2Rows.Viewer(projectID: project, isAdmin: false)
let connection = state.session?.connection
/// Rows as the runner posts them: named with their connection (see `RecordAdapter.run`).
func connected(_ row: RecordRow) -> RecordRow {
    var row = row
    row.connection = connection
    return row
}
// The inbox first, as a session sees it (one request, against the images' many pages), and in a
// fixed order, so that every run measures the same thing.
func inboxFirst(_ load: LoadRequest) -> Int {
    if case .records(.memberships, _, _) = load { return 0 }
    return 1
}
var streamingReport = ""
for (request, load) in state.loads.sorted(by: { (inboxFirst($0.value), $0.key) < (inboxFirst($1.value), $1.key) }) {
    guard case let .records(pane, _, _) = load else { continue }
    switch pane {
    case .images:
        if ProcessInfo.processInfo.environment["BENCH_PANE_ONLY"] != nil {
            let rows = (0..<imageCount).map { connected(GlanceV2Rows.imageRow(benchImage($0), viewer: viewer)) }
            if verbose { print(String(format: "rows made: %.1f MB (peak %.1f), RecordRow stride %d", currentResidentMegabytes(), peakResidentMegabytes(), MemoryLayout<RecordRow>.stride)) }
            var pane = PaneState<RecordRow>()
            pane.setRows(rows)
            print(String(format: "a pane of them: %.1f MB (peak %.1f)", currentResidentMegabytes(), peakResidentMegabytes()))
            exit(0)
        }
        // As the runner posts them: each page of 1,000 rows made as it arrives and handed over (the
        // runner keeps none), then the listing's end, which carries no rows.
        let pageClock = ContinuousClock()
        var pageTimes: [Double] = []
        for start in stride(from: 0, to: imageCount, by: 1000) {
            let page = (start..<min(start + 1000, imageCount)).map { connected(GlanceV2Rows.imageRow(benchImage($0), viewer: viewer)) }
            let pageStart = pageClock.now
            _ = ConsoleUpdate.update(&state, .rowsArrived(request: request, page))
            pageTimes.append(milliseconds(pageClock.now - pageStart))
        }
        let endStart = pageClock.now
        _ = ConsoleUpdate.update(&state, .rowsLoaded(request: request, .success([])))
        let endTime = milliseconds(pageClock.now - endStart)
        precondition(state.records.primary.rows.count == imageCount, "every page is in the pane")
        pageTimes.sort()
        streamingReport = String(format: "pages as they arrive (%d of 1,000): first %.2f ms, median %.2f ms, max %.2f ms each; the listing's end %.2f ms",
                                 pageTimes.count, pageTimes.first ?? 0, pageTimes[pageTimes.count / 2], pageTimes.last ?? 0, endTime)
    case .memberships: _ = ConsoleUpdate.update(&state, .rowsLoaded(request: request, .success(memberships.map { connected(GlanceV2Rows.membershipRow($0, viewer: viewer)) })))
    case .members: break
    }
}
if verbose { print(String(format: "after the rows: %.1f MB (peak %.1f)", currentResidentMegabytes(), peakResidentMegabytes())) }
_ = ConsoleUpdate.update(&state, .tick(start.addingTimeInterval(0.1)))
for (request, load) in state.loads {
    if case .records(.members, _, _) = load {
        _ = ConsoleUpdate.update(&state, .rowsLoaded(request: request, .success(members.map { connected(GlanceV2Rows.memberRow($0, image: images[0], viewer: viewer)) })))
    }
}

// Frames as an operator makes them: moving through the list, paging, filtering.
var durations: [Double] = []
var updateDurations: [Double] = []
let keys: [KeyPress] = [.character("j"), .character("j"), .pageDown, .character("k"), .character("G"), .character("g")]
let clock = ContinuousClock()
for frame in 0..<frameCount {
    let key = keys[frame % keys.count]
    let updateStart = clock.now
    _ = ConsoleUpdate.update(&state, .key(key))
    updateDurations.append(milliseconds(clock.now - updateStart))
    let renderStart = clock.now
    let rendered = ConsoleRenderer.render(state, width: 120, height: 40, unicode: true)
    let elapsed = clock.now - renderStart
    precondition(rendered.lines.count == 40)
    durations.append(milliseconds(elapsed))
}
// A filter typed over every image, one keystroke at a time (each narrows the last result), then
// erased (each widens it again: a full pass): the updates that touch every row.
var keystrokes: [Double] = []
@MainActor func timedKey(_ key: KeyPress) {
    let keyStart = clock.now
    _ = ConsoleUpdate.update(&state, .key(key))
    keystrokes.append(milliseconds(clock.now - keyStart))
}
timedKey(.character("/"))
for character in "golden" { timedKey(.character(character)) }
let shownAfterFilter = state.records.primary.visible.count
for _ in 0..<6 { timedKey(.backspace) }
precondition(state.records.primary.visible.count == imageCount, "erasing the filter shows every image again")

// The clock tick, ten a second while the console idles (nothing in flight, the pane loaded): it
// must not walk every row the way a keystroke may.
var tickDurations: [Double] = []
var tickDate = start.addingTimeInterval(0.2)
for _ in 0..<50 {
    tickDate = tickDate.addingTimeInterval(0.1)
    let tickStart = clock.now
    _ = ConsoleUpdate.update(&state, .tick(tickDate))
    tickDurations.append(milliseconds(clock.now - tickStart))
}

durations.sort()
updateDurations.sort()
tickDurations.sort()
func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
print("console-bench: \(imageCount) images, 100 members, 100 shares, 120×40, \(frameCount) frames")
print(String(format: "render per frame: median %.3f ms, p99 %.3f ms, max %.3f ms", percentile(durations, 0.5), percentile(durations, 0.99), durations.last ?? 0))
print(streamingReport)
print(String(format: "update per key:   median %.4f ms, p99 %.4f ms (cursor moves)", percentile(updateDurations, 0.5), percentile(updateDurations, 0.99)))
print(String(format: "update per tick (idle, 10 a second): median %.3f ms, max %.3f ms over %d ticks",
             percentile(tickDurations, 0.5), tickDurations.last ?? 0, tickDurations.count))
let sortedKeystrokes = keystrokes.sorted()
if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil { print("keystrokes (ms):", keystrokes.map { String(format: "%.2f", $0) }.joined(separator: " ")) }
print(String(format: "filter keystroke (type /golden, %d shown, then erase it): median %.2f ms, max %.2f ms over %d keys",
             shownAfterFilter, percentile(sortedKeystrokes, 0.5), sortedKeystrokes.last ?? 0, keystrokes.count))
print(String(format: "peak memory (VmHWM): %.1f MB (process start: %.1f MB)", peakResidentMegabytes(), baseline))
