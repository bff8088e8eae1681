import Foundation
import GRDB

/// The demo images: about forty across the image owners and the admin, with names in several scripts and a
/// few hostile ones (terminal escapes, bidi overrides, zero-width characters) that the console must show
/// harmlessly. Shares cover every status so that the default login (cora, project analytics) opens on an
/// inbox with pending shares. Ids and dates are fixed, so a reset gives the same data.
enum GlanceDemoSeed {
    struct DemoImage {
        let name: String
        let owner: String
        let visibility: String
        let disk: String
        let size: Int?
        let tags: [String]
        /// Member project name → status.
        let shares: [(String, String)]
    }

    static let images: [DemoImage] = [
        DemoImage(name: "ubuntu-24.04-server", owner: "admin", visibility: "public", disk: "qcow2", size: 612_368_384, tags: ["ubuntu", "lts"], shares: []),
        DemoImage(name: "debian-12-genericcloud", owner: "admin", visibility: "public", disk: "qcow2", size: 341_573_632, tags: ["debian"], shares: []),
        DemoImage(name: "rocky-9.4-base", owner: "admin", visibility: "public", disk: "qcow2", size: 1_051_721_728, tags: ["rhel-like"], shares: []),
        DemoImage(name: "cirros-0.6.2", owner: "admin", visibility: "public", disk: "qcow2", size: 21_430_272, tags: ["test"], shares: []),
        DemoImage(name: "windows-server-2022-eval", owner: "admin", visibility: "private", disk: "vhdx", size: 9_448_718_336, tags: [], shares: []),
        DemoImage(name: "admin-rescue-iso", owner: "admin", visibility: "shared", disk: "iso", size: 73_400_320, tags: ["rescue"],
                  shares: [("imaging", "accepted"), ("research", "pending")]),
        DemoImage(name: "golden-ubuntu-24.04-hardened", owner: "imaging", visibility: "shared", disk: "qcow2", size: 734_003_200, tags: ["golden", "cis"],
                  shares: [("analytics", "pending"), ("webapps", "accepted"), ("research", "accepted")]),
        DemoImage(name: "golden-debian-12-hardened", owner: "imaging", visibility: "shared", disk: "qcow2", size: 402_653_184, tags: ["golden", "cis"],
                  shares: [("analytics", "accepted"), ("webapps", "pending")]),
        DemoImage(name: "gpu-cuda-12.4-driver-550", owner: "imaging", visibility: "shared", disk: "qcow2", size: 6_442_450_944, tags: ["gpu"],
                  shares: [("analytics", "pending"), ("research", "rejected")]),
        DemoImage(name: "postgres-16-appliance", owner: "imaging", visibility: "shared", disk: "qcow2", size: 896_532_480, tags: ["database"],
                  shares: [("analytics", "rejected"), ("webapps", "accepted")]),
        DemoImage(name: "nginx-1.26-edge", owner: "imaging", visibility: "shared", disk: "raw", size: 268_435_456, tags: ["web"],
                  shares: [("webapps", "accepted"), ("analytics", "accepted")]),
        DemoImage(name: "kafka-3.7-broker", owner: "imaging", visibility: "shared", disk: "qcow2", size: 1_288_490_189, tags: ["streaming"],
                  shares: [("analytics", "pending")]),
        DemoImage(name: "jupyterhub-4.1-notebook", owner: "imaging", visibility: "shared", disk: "qcow2", size: 2_147_483_648, tags: ["notebook"],
                  shares: [("analytics", "accepted"), ("research", "pending")]),
        DemoImage(name: "spark-3.5-worker", owner: "imaging", visibility: "shared", disk: "qcow2", size: 1_610_612_736, tags: ["bigdata"],
                  shares: [("analytics", "pending"), ("webapps", "rejected")]),
        DemoImage(name: "build-agent-ci-2026.11", owner: "imaging", visibility: "private", disk: "qcow2", size: 3_221_225_472, tags: ["ci"], shares: []),
        DemoImage(name: "imaging-scratch", owner: "imaging", visibility: "shared", disk: "raw", size: nil, tags: [], shares: []),
        DemoImage(name: "windows-11-vdi", owner: "imaging", visibility: "shared", disk: "vhdx", size: 21_474_836_480, tags: ["vdi"],
                  shares: [("webapps", "pending")]),
        DemoImage(name: "fedora-41-workstation", owner: "imaging", visibility: "community", disk: "qcow2", size: 2_469_606_195, tags: ["desktop"], shares: []),
        DemoImage(name: "alpine-3.20-minimal", owner: "imaging", visibility: "public", disk: "qcow2", size: 52_428_800, tags: ["tiny"], shares: []),
        DemoImage(name: "haproxy-3.0-lb", owner: "imaging", visibility: "shared", disk: "qcow2", size: 314_572_800, tags: ["web"],
                  shares: [("webapps", "accepted")]),
        DemoImage(name: "genomics-pipeline-v7", owner: "research", visibility: "shared", disk: "qcow2", size: 8_589_934_592, tags: ["science"],
                  shares: [("analytics", "pending"), ("imaging", "accepted")]),
        DemoImage(name: "climate-model-esm-2.1", owner: "research", visibility: "shared", disk: "qcow2", size: 4_294_967_296, tags: ["science"],
                  shares: [("analytics", "accepted"), ("webapps", "rejected")]),
        DemoImage(name: "rstudio-server-2024.12", owner: "research", visibility: "shared", disk: "qcow2", size: 2_684_354_560, tags: ["statistics"],
                  shares: [("analytics", "rejected")]),
        DemoImage(name: "matlab-runtime-r2024b", owner: "research", visibility: "shared", disk: "qcow2", size: 5_368_709_120, tags: ["licensed"],
                  shares: [("analytics", "pending"), ("webapps", "pending")]),
        DemoImage(name: "ml-pytorch-2.5-cuda", owner: "research", visibility: "shared", disk: "qcow2", size: 12_884_901_888, tags: ["gpu", "ml"],
                  shares: [("analytics", "accepted"), ("imaging", "pending")]),
        DemoImage(name: "research-archive-2019", owner: "research", visibility: "private", disk: "raw", size: 53_687_091_200, tags: [], shares: []),
        DemoImage(name: "openfoam-12-cfd", owner: "research", visibility: "shared", disk: "qcow2", size: 1_932_735_283, tags: ["science"],
                  shares: [("webapps", "accepted")]),
        DemoImage(name: "astro-ciao-4.16", owner: "research", visibility: "community", disk: "qcow2", size: 3_006_477_107, tags: ["science"], shares: []),
        // Names in other scripts: widths and sorting must hold up.
        DemoImage(name: "Überwachung-Knoten-2026", owner: "research", visibility: "shared", disk: "qcow2", size: 402_653_184, tags: ["monitoring"],
                  shares: [("analytics", "pending")]),
        DemoImage(name: "日本語-解析環境", owner: "research", visibility: "shared", disk: "qcow2", size: 1_073_741_824, tags: ["cjk"],
                  shares: [("analytics", "accepted")]),
        DemoImage(name: "données-météo-🌦️", owner: "imaging", visibility: "shared", disk: "qcow2", size: 805_306_368, tags: ["emoji"],
                  shares: [("analytics", "pending"), ("webapps", "accepted")]),
        DemoImage(name: "Ελληνικά-εικόνα", owner: "imaging", visibility: "shared", disk: "raw", size: 134_217_728, tags: [],
                  shares: [("webapps", "pending")]),
        DemoImage(name: "образ-сервера-1С", owner: "research", visibility: "shared", disk: "qcow2", size: 2_147_483_648, tags: [],
                  shares: [("analytics", "rejected")]),
        // Hostile names: any tenant can name an image, so the console must never let one drive the terminal.
        DemoImage(name: "evil\u{1B}[2J\u{1B}[31mred-screen", owner: "research", visibility: "shared", disk: "qcow2", size: 1_048_576, tags: ["hostile"],
                  shares: [("analytics", "pending")]),
        DemoImage(name: "title\u{1B}]0;pwned\u{07}-bell", owner: "imaging", visibility: "shared", disk: "raw", size: 1_048_576, tags: ["hostile"],
                  shares: [("analytics", "accepted")]),
        DemoImage(name: "bidi-\u{202E}gnp.exe", owner: "research", visibility: "shared", disk: "raw", size: 1_048_576, tags: ["hostile"],
                  shares: [("analytics", "rejected"), ("webapps", "pending")]),
        DemoImage(name: "zero\u{200B}width\u{200D}joined", owner: "imaging", visibility: "shared", disk: "raw", size: 1_048_576, tags: ["hostile"],
                  shares: [("webapps", "rejected")]),
        DemoImage(name: "line\nbreak\rreturn\ttab", owner: "research", visibility: "shared", disk: "raw", size: 1_048_576, tags: ["hostile"],
                  shares: [("analytics", "pending")]),
        DemoImage(name: "csi-\u{9B}31m-c1-control", owner: "imaging", visibility: "shared", disk: "raw", size: 1_048_576, tags: ["hostile"],
                  shares: [("webapps", "accepted")]),
        DemoImage(name: String(repeating: "very-long-image-name-", count: 6) + "end", owner: "imaging", visibility: "shared", disk: "qcow2",
                  size: 999_999_999, tags: [], shares: [("analytics", "accepted")]),
    ]

    /// 2026-09-01T08:00:00Z: demo images are spread over the weeks after it.
    static let epoch = Date(timeIntervalSince1970: 1_788_249_600)

    static func insert(in db: Database) throws {
        for (index, demo) in images.enumerated() {
            let created = epoch.addingTimeInterval(Double(index) * 86_400 * 1.7 + Double(index * 137 % 3600))
            let createdText = SandboxClock.iso8601Seconds(created)
            let id = demoImageID(index)
            let record = GlanceImageRecord(
                id: id, name: demo.name, owner: KeystoneDirectory.projectID(demo.owner), visibility: demo.visibility,
                status: demo.size == nil ? "queued" : "active", diskFormat: demo.disk, containerFormat: "bare",
                size: demo.size, virtualSize: demo.size.map { $0 * 3 }, checksum: demo.size.map { String(format: "%032x", $0 &* 2_654_435_761) },
                minRAM: demo.disk == "vhdx" ? 4096 : 512, minDisk: demo.size.map { max(1, $0 >> 30) } ?? 0, tags: demo.tags,
                createdAt: createdText, updatedAt: createdText)
            try record.insert(into: db)
            for (offset, share) in demo.shares.enumerated() {
                let shared = created.addingTimeInterval(Double(offset + 1) * 3_600)
                let answered = share.1 == "pending" ? shared : shared.addingTimeInterval(86_400)
                try db.execute(sql: """
                    INSERT INTO gl_member (image_id, member, status, can_share, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, KeystoneDirectory.projectID(share.0), share.1, offset == 0,
                                     SandboxClock.iso8601Seconds(shared), SandboxClock.iso8601Seconds(answered)])
            }
        }
    }

    /// Fixed, valid UUIDs: `5e4d00NN-6d0c-4e1a-9b7f-00d3000000NN`.
    static func demoImageID(_ index: Int) -> String {
        String(format: "5e4d%04x-6d0c-4e1a-9b7f-%012llx", index, 0xd3_0000_0000 + index)
    }
}
