/// The absolute links in Atmosphere's answers (DRF hyperlinked fields), built on the host the client used.
/// Links always point at the `/api/v2` mount, whichever mount the request came through.
struct AtmosphereLinks: Sendable {
    /// `http://host:port/atmosphere/api/v2`
    let apiRoot: String

    init(origin: String) {
        apiRoot = origin + AtmosphereModule.root + "/api/v2"
    }

    func collection(_ resource: String) -> String { apiRoot + "/" + resource }
    func image(_ uuid: String) -> String { collection("images") + "/" + uuid }
    func version(_ uuid: String) -> String { collection("image_versions") + "/" + uuid }
    func group(_ uuid: String) -> String { collection("groups") + "/" + uuid }
    func user(_ id: Int) -> String { collection("users") + "/\(id)" }
    func tag(_ uuid: String) -> String { collection("tags") + "/" + uuid }
    func membership(_ id: Int) -> String { collection("image_version_memberships") + "/\(id)" }
}
