/// The protocol families the sandbox serves, in the order their tables depend on each other.
enum SandboxModules {
    static let all: [any SandboxModule.Type] = [
        KeystoneModule.self,
        GlanceModule.self,
        AtmosphereModule.self,
        BonitaModule.self,
    ]
}
