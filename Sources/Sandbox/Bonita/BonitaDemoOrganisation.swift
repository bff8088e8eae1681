/// The sandbox's Bonita organisation: Bonita's classic ACME demo (the one its Studio installs), with fixed ids
/// so that a reset gives the same ids and a client test can name them.
///
/// Two groups carry hostile or wide text on purpose: `latin_america` has a non-ASCII, double-width display
/// name, and `lab` has terminal control sequences (an OSC title change, BEL, a bidi override, CR/LF), so the
/// console's sanitiser is exercised by every demo run.
public enum BonitaDemoOrganisation {
    public struct User: Sendable {
        public let id: Int
        public let userName: String
        public let firstname: String
        public let lastname: String
        public let title: String
        public let jobTitle: String
        /// 0 when the user has no manager, as Bonita writes it.
        public let managerID: Int
        public let enabled: Bool
    }

    public struct Group: Sendable {
        public let id: Int
        public let name: String
        public let displayName: String
        public let description: String
        /// "" for the root group.
        public let parentPath: String
        public var path: String { parentPath + "/" + name }
    }

    public struct Role: Sendable {
        public let id: Int
        public let name: String
        public let displayName: String
        public let description: String
    }

    public struct Membership: Sendable {
        public let user: Int
        public let group: Int
        public let role: Int
        /// -1 when the technical user (or an organisation import) made it.
        public let assignedBy: Int
        public let assignedDate: String
    }

    /// Every ACME account's password, as in Bonita's demo organisation.
    public static let password = "bpm"
    /// The tenant's technical user: not in the user table, id -1, allowed everything.
    public static let technicalUserName = "install"
    public static let technicalPassword = "install"
    public static let technicalUserID = -1
    /// When the organisation was "imported": the creation and last-update date of every user, group and role.
    public static let importDate = "2024-01-02 09:00:00.000"

    public static let users: [User] = [
        User(id: 1, userName: "william.jobs", firstname: "William", lastname: "Jobs", title: "Mr", jobTitle: "Chief Executive Officer", managerID: 0, enabled: true),
        User(id: 2, userName: "april.sanchez", firstname: "April", lastname: "Sanchez", title: "Mrs", jobTitle: "Compensation specialist", managerID: 3, enabled: true),
        User(id: 3, userName: "helen.kelly", firstname: "Helen", lastname: "Kelly", title: "Mrs", jobTitle: "Human resources manager", managerID: 1, enabled: true),
        User(id: 4, userName: "walter.bates", firstname: "Walter", lastname: "Bates", title: "Mr", jobTitle: "Human resources benefits", managerID: 3, enabled: true),
        User(id: 5, userName: "zachary.williamson", firstname: "Zachary", lastname: "Williamson", title: "Mr", jobTitle: "Chief Financial Officer", managerID: 1, enabled: true),
        User(id: 6, userName: "patrick.gardenier", firstname: "Patrick", lastname: "Gardenier", title: "Mr", jobTitle: "Financial planning manager", managerID: 5, enabled: true),
        User(id: 7, userName: "virginie.jomphe", firstname: "Virginie", lastname: "Jomphe", title: "Mrs", jobTitle: "Infrastructure specialist", managerID: 8, enabled: true),
        User(id: 8, userName: "thomas.wallis", firstname: "Thomas", lastname: "Wallis", title: "Mr", jobTitle: "Chief Information Officer", managerID: 1, enabled: true),
        User(id: 9, userName: "daniela.angelo", firstname: "Daniela", lastname: "Angelo", title: "Mrs", jobTitle: "Vice President of Sales", managerID: 1, enabled: true),
        User(id: 10, userName: "giovanna.almeida", firstname: "Giovanna", lastname: "Almeida", title: "Mrs", jobTitle: "Account manager", managerID: 9, enabled: true),
        User(id: 11, userName: "norman.kent", firstname: "Norman", lastname: "Kent", title: "Mr", jobTitle: "Production manager", managerID: 1, enabled: true),
        User(id: 12, userName: "mauro.zetticci", firstname: "Mauro", lastname: "Zetticci", title: "Mr", jobTitle: "Marketing manager", managerID: 1, enabled: true),
        User(id: 13, userName: "isabelle.wu", firstname: "Isabelle", lastname: "Wu", title: "Mrs", jobTitle: "Account manager", managerID: 9, enabled: true),
        User(id: 14, userName: "favio.riviera", firstname: "Favio", lastname: "Riviera", title: "Mr", jobTitle: "Account manager", managerID: 9, enabled: true),
        User(id: 15, userName: "misa.kumagai", firstname: "Misa", lastname: "Kumagai", title: "Mrs", jobTitle: "Account manager", managerID: 13, enabled: true),
        User(id: 16, userName: "jan.fisher", firstname: "Jan", lastname: "Fisher", title: "Mr", jobTitle: "Software engineer", managerID: 11, enabled: true),
        // Disabled: the login service refuses it like a wrong password.
        User(id: 17, userName: "marc.marseau", firstname: "Marc", lastname: "Marseau", title: "Mr", jobTitle: "Field technician", managerID: 11, enabled: false),
    ]

    public static let groups: [Group] = [
        Group(id: 1, name: "acme", displayName: "Acme", description: "This group represents the acme organization", parentPath: ""),
        Group(id: 2, name: "hr", displayName: "Human Resources", description: "This group represents the human resources department of the acme organization", parentPath: "/acme"),
        Group(id: 3, name: "finance", displayName: "Finance", description: "This group represents the finance department of the acme organization", parentPath: "/acme"),
        Group(id: 4, name: "it", displayName: "Infrastructure", description: "This group represents the infrastructure department of the acme organization", parentPath: "/acme"),
        Group(id: 5, name: "marketing", displayName: "Marketing", description: "This group represents the marketing department of the acme organization", parentPath: "/acme"),
        Group(id: 6, name: "sales", displayName: "Sales", description: "This group represents the sales department of the acme organization", parentPath: "/acme"),
        Group(id: 7, name: "europe", displayName: "Europe", description: "This group represents the europe sales team", parentPath: "/acme/sales"),
        Group(id: 8, name: "asia", displayName: "Asia", description: "This group represents the asia sales team", parentPath: "/acme/sales"),
        Group(id: 9, name: "north_america", displayName: "North America", description: "This group represents the north america sales team", parentPath: "/acme/sales"),
        Group(id: 10, name: "latin_america", displayName: "Amérique latine · ラテンアメリカ", description: "Équipe des ventes d'Amérique latine", parentPath: "/acme/sales"),
        Group(id: 11, name: "production", displayName: "Production", description: "This group represents the production department of the acme organization", parentPath: "/acme"),
        Group(id: 12, name: "rd", displayName: "Research & Development", description: "This group represents the research and development team", parentPath: "/acme/production"),
        Group(id: 13, name: "services", displayName: "Services", description: "This group represents the services team", parentPath: "/acme/production"),
        Group(id: 14, name: "lab", displayName: "Lab \u{1b}]0;pwned\u{07}\u{202E}kcab\r\nX", description: "Hostile text: \u{1b}[2J\u{1b}[31mred\u{9b}0m", parentPath: "/acme/it"),
    ]

    public static let roles: [Role] = [
        Role(id: 1, name: "member", displayName: "Member", description: "Member of a group"),
        Role(id: 2, name: "manager", displayName: "Manager", description: "Manager of a department"),
        Role(id: 3, name: "director", displayName: "Director", description: "Director of a division"),
        Role(id: 4, name: "assistant", displayName: "Assistant", description: "Assists a manager"),
    ]

    /// Walter Bates (4) has four memberships whose role names, group names and dates sort three different
    /// ways, so every membership order shows in a listing.
    public static let memberships: [Membership] = [
        Membership(user: 1, group: 1, role: 3, assignedBy: -1, assignedDate: "2023-01-05 08:00:00.000"),
        Membership(user: 3, group: 2, role: 2, assignedBy: -1, assignedDate: "2023-01-10 10:15:30.100"),
        Membership(user: 3, group: 2, role: 1, assignedBy: -1, assignedDate: "2023-01-10 10:15:31.200"),
        Membership(user: 2, group: 2, role: 1, assignedBy: 3, assignedDate: "2023-02-14 11:00:00.000"),
        Membership(user: 4, group: 2, role: 1, assignedBy: -1, assignedDate: "2024-01-15 09:30:00.000"),
        Membership(user: 4, group: 5, role: 3, assignedBy: 3, assignedDate: "2024-03-02 14:05:10.250"),
        Membership(user: 4, group: 14, role: 4, assignedBy: 3, assignedDate: "2023-11-20 08:00:00.125"),
        Membership(user: 4, group: 10, role: 2, assignedBy: 1, assignedDate: "2025-06-30 17:45:59.999"),
        Membership(user: 5, group: 3, role: 3, assignedBy: 1, assignedDate: "2023-03-01 09:00:00.000"),
        Membership(user: 6, group: 3, role: 1, assignedBy: 5, assignedDate: "2023-03-08 09:00:00.000"),
        Membership(user: 8, group: 4, role: 2, assignedBy: 1, assignedDate: "2023-04-03 13:20:00.000"),
        Membership(user: 7, group: 4, role: 1, assignedBy: 8, assignedDate: "2023-04-04 13:20:00.000"),
        Membership(user: 7, group: 14, role: 1, assignedBy: 8, assignedDate: "2023-11-21 16:42:07.333"),
        Membership(user: 9, group: 6, role: 3, assignedBy: 1, assignedDate: "2023-05-02 08:30:00.000"),
        Membership(user: 10, group: 7, role: 1, assignedBy: 9, assignedDate: "2023-05-09 08:30:00.000"),
        Membership(user: 13, group: 8, role: 1, assignedBy: 9, assignedDate: "2023-05-10 08:30:00.000"),
        Membership(user: 15, group: 8, role: 1, assignedBy: 13, assignedDate: "2023-06-12 10:00:00.000"),
        Membership(user: 14, group: 10, role: 1, assignedBy: 9, assignedDate: "2023-05-11 08:30:00.000"),
        Membership(user: 11, group: 11, role: 2, assignedBy: 1, assignedDate: "2023-07-03 07:45:00.000"),
        Membership(user: 16, group: 12, role: 1, assignedBy: 11, assignedDate: "2023-07-10 07:45:00.000"),
        Membership(user: 17, group: 13, role: 1, assignedBy: 11, assignedDate: "2023-07-11 07:45:00.000"),
        Membership(user: 12, group: 5, role: 2, assignedBy: 1, assignedDate: "2023-08-01 09:10:00.000"),
    ]

    /// Who may change memberships besides the technical user: a `manager` of `/acme/hr` (Helen Kelly in the
    /// demo). Everyone with a session may read the organisation.
    public static let organisationManagerGroupPath = "/acme/hr"
    public static let organisationManagerRole = "manager"

    public static func user(named name: String) -> User? { users.first { $0.userName == name } }
    public static func group(named name: String) -> Group? { groups.first { $0.name == name } }
    public static func role(named name: String) -> Role? { roles.first { $0.name == name } }
}
