import Foundation
import Logging
import MembershipKit

/// Builds what a command needs from the global options and the environment.
struct CommandContext {
    let options: GlobalOptions
    let environment: [String: String]
    let xdg: XDGDirectories

    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
        xdg = XDGDirectories(environment: environment)
    }

    var loader: CloudConfigLoader { CloudConfigLoader(environment: environment) }

    func cloud() throws -> CloudConfig {
        try loader.load(cloudName: options.cloud, regionName: options.region)
    }

    /// The request log, when `--debug` asks for it.
    var requestLog: RequestLog? {
        guard options.debug else { return nil }
        let path = (xdg.memberdeckState as NSString).appendingPathComponent("memberdeck.log")
        var logger = Logger(label: "memberdeck.http") { label in FileLogHandler(label: label, path: path) }
        logger.logLevel = .debug
        return RequestLog(logger: logger)
    }

    func session(for cloud: CloudConfig) throws -> OpenStackSession {
        try OpenStackSession.make(cloud: cloud, tokenCache: TokenCache(xdg: xdg), requestLog: requestLog)
    }

    func glance() throws -> GlanceV2Client {
        GlanceV2Client(session: try session(for: try cloud()))
    }

    func emit(_ listing: Listing) {
        FileHandle.standardOutput.write(Data(ListingRenderer.render(listing, as: options.format).utf8))
    }
}
