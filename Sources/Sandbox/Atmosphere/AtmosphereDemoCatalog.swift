/// The demo seed's images, versions and shares: what an operator explores in the console. olivia's versions
/// are shared with several groups, oscar's with a few; cora and carl only consume. One name is non-ASCII and
/// one carries terminal control characters, so the console's sanitising is exercised on real answers.
/// Everything is fixed (ids, UUIDs, dates): a reset gives the same catalogue. Memberships get ids 1, 2, …
/// in the order they are listed here.
public enum AtmosphereDemoCatalog {
    public struct Tag: Sendable {
        public let id: Int
        public let uuid: String
        public let name: String
        public let description: String
    }

    public struct Version: Sendable {
        public let uuid: String
        public let name: String
        public let startDate: String
        public let endDate: String?
        /// Group names the version is shared with, in membership-id order.
        public let sharedWith: [String]
    }

    public struct Image: Sendable {
        public let id: Int
        public let uuid: String
        public let name: String
        public let description: String
        public let createdBy: String
        public let isPublic: Bool
        public let startDate: String
        public let endDate: String?
        public let tags: [String]
        public let versions: [Version]
    }

    public static let tags: [Tag] = [
        Tag(id: 1, uuid: "c9a2e3f4-0003-4c30-8d40-000000000001", name: "gis", description: "Geographic information systems"),
        Tag(id: 2, uuid: "c9a2e3f4-0003-4c30-8d40-000000000002", name: "ubuntu", description: "Ubuntu based"),
        Tag(id: 3, uuid: "c9a2e3f4-0003-4c30-8d40-000000000003", name: "rstudio", description: "R and RStudio"),
        Tag(id: 4, uuid: "c9a2e3f4-0003-4c30-8d40-000000000004", name: "genomics", description: "Sequence analysis"),
        Tag(id: 5, uuid: "c9a2e3f4-0003-4c30-8d40-000000000005", name: "jupyter", description: "Jupyter notebooks"),
        Tag(id: 6, uuid: "c9a2e3f4-0003-4c30-8d40-000000000006", name: "climate", description: "Climate modelling"),
        Tag(id: 7, uuid: "c9a2e3f4-0003-4c30-8d40-000000000007", name: "teaching", description: "Course images"),
    ]

    /// A version UUID: `d0b3f4a5-0004-4d40-9e50-0000000IIIVV` (image id, version number).
    private static func versionUUID(image: Int, version: Int) -> String {
        let digits = String(image * 100 + version)
        return "d0b3f4a5-0004-4d40-9e50-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    private static func imageUUID(_ id: Int) -> String {
        "e1c4a5b6-0005-4e50-af60-0000000000" + (id < 10 ? "0\(id)" : "\(id)")
    }

    private static func image(_ id: Int, _ name: String, by owner: String, public isPublic: Bool, tags: [String],
                              description: String, started: String, ended: String? = nil,
                              versions: [(name: String, started: String, sharedWith: [String])]) -> Image {
        Image(id: id, uuid: imageUUID(id), name: name, description: description, createdBy: owner, isPublic: isPublic,
              startDate: started, endDate: ended, tags: tags,
              versions: versions.enumerated().map { index, version in
                  Version(uuid: versionUUID(image: id, version: index + 1), name: version.name, startDate: version.started,
                          endDate: ended, sharedWith: version.sharedWith)
              })
    }

    public static let images: [Image] = [
        image(1, "Ubuntu 22.04 GIS", by: "olivia", public: true, tags: ["gis", "ubuntu"],
              description: "QGIS, GDAL and PostGIS on Ubuntu 22.04", started: "2025-02-03T09:15:00Z", versions: [
                  ("1.0", "2025-02-03T09:15:00Z", []),
                  ("1.1", "2025-06-11T14:02:00Z", ["genomics-lab"]),
                  ("2.0", "2026-01-20T10:30:00Z", ["genomics-lab", "teaching-2026"]),
              ]),
        image(2, "RStudio Server", by: "olivia", public: true, tags: ["rstudio"],
              description: "RStudio Server with the tidyverse", started: "2025-03-14T08:00:00Z", versions: [
                  ("4.2", "2025-03-14T08:00:00Z", []),
                  ("4.3", "2025-11-02T16:45:00Z", ["iplant-staff"]),
              ]),
        image(3, "Genomics Workbench", by: "olivia", public: false, tags: ["genomics"],
              description: "BLAST, BWA, samtools and GATK", started: "2024-09-30T12:00:00Z", versions: [
                  ("2024.1", "2024-09-30T12:00:00Z", ["genomics-lab"]),
                  ("2025.1", "2025-08-19T07:20:00Z", ["genomics-lab", "cora"]),
              ]),
        image(4, "Jupyter Data Science", by: "olivia", public: false, tags: ["jupyter"],
              description: "JupyterLab with pandas, scikit-learn and PyTorch", started: "2025-10-01T11:11:00Z", versions: [
                  ("1.0", "2025-10-01T11:11:00Z", ["teaching-2026", "genomics-lab", "carl"]),
              ]),
        image(5, "Ωmega Lab — データ解析 🧬", by: "olivia", public: false, tags: ["genomics"],
              description: "Non-ASCII name: Greek, Japanese and an emoji", started: "2026-02-14T13:37:00Z", versions: [
                  ("v1 – première", "2026-02-14T13:37:00Z", ["cora"]),
              ]),
        image(6, "\u{1b}[31mred\u{07} alert\r\nimage", by: "olivia", public: false, tags: [],
              description: "Hostile name with ESC, BEL, CR and LF\u{1b}[0m", started: "2026-03-01T00:00:00Z", versions: [
                  ("1.0\u{1b}[2J", "2026-03-01T00:00:00Z", ["genomics-lab"]),
              ]),
        image(7, "Climate Model Toolkit", by: "oscar", public: false, tags: ["climate"],
              description: "CESM and NCO for climate runs", started: "2025-05-05T05:05:00Z", versions: [
                  ("3.0", "2025-05-05T05:05:00Z", []),
                  ("3.1", "2025-12-12T12:12:00Z", ["climate-modeling"]),
              ]),
        image(8, "QGIS Desktop", by: "oscar", public: true, tags: ["gis"],
              description: "QGIS over a web desktop", started: "2024-04-22T09:00:00Z", versions: [
                  ("3.28", "2024-04-22T09:00:00Z", []),
                  ("3.34", "2025-07-07T09:00:00Z", []),
              ]),
        image(9, "Teaching VM 2026", by: "oscar", public: false, tags: ["teaching"],
              description: "The course image for spring 2026", started: "2026-01-05T08:30:00Z", versions: [
                  ("1.0", "2026-01-05T08:30:00Z", ["teaching-2026", "cora"]),
              ]),
        image(10, "CentOS 7 Base (retired)", by: "oscar", public: true, tags: [],
              description: "End-dated: only its creator still sees it", started: "2019-08-01T00:00:00Z",
              ended: "2024-06-30T00:00:00Z", versions: [
                  ("7.9", "2020-11-16T00:00:00Z", []),
              ]),
    ]
}
