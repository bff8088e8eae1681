import Foundation
@_spi(Fuzzing) import MembershipKit

/// The decoders of configuration files (YAML), which a hostile working folder can supply.
enum ConfigurationDecoders {
    static let cloudsSeed = """
    clouds:
      devstack:
        auth:
          auth_url: https://keystone.example/v3
          username: alice
          password: secret
          project_name: demo
          user_domain_name: Default
        region_name: RegionOne
        api_timeout: 30
    base: &base {auth_type: password}
    other: *base
    """

    static let endpointsSeed = """
    endpoints:
      - name: v1
        kind: glance-v1
        cloud: devstack
        timeout: 20
      - name: bonita
        kind: bonita
        url: https://bpm.example/bonita
        username: walter
        password_command: pass show bonita
    """

    /// A "billion laughs": nine levels of ten aliases each, a billion values once expanded.
    static let aliasBomb: String = {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + "clouds:\n  devstack:\n    auth: {auth_url: https://k/v3}\n"
    }()

    static let all: [FuzzSurface.Decoder] = [
        FuzzSurface.Decoder(name: "clouds.yaml", seeds: [cloudsSeed, aliasBomb], run: { data in
            let text = String(decoding: data, as: UTF8.self)
            let loader = CloudConfigLoader(locator: CloudFileLocator(environment: ["OS_CLIENT_CONFIG_FILE": "/fuzz/clouds.yaml"], currentDirectory: "/nonexistent",
                                                                            fileExists: { $0 == "/fuzz/clouds.yaml" }),
                                           readFile: { _ in text })
            _ = try? loader.load(cloudName: "devstack")
        }),
        FuzzSurface.Decoder(name: "config.yaml endpoints", seeds: [endpointsSeed], run: { data in
            _ = try? EndpointsFile.parse(String(decoding: data, as: UTF8.self), path: "/fuzz/config.yaml", environment: ["HOME": "/h"])
        }),
        FuzzSurface.Decoder(name: "YAML reader", seeds: [cloudsSeed, endpointsSeed, aliasBomb, "? *a\n", "- [[[[[[[[[[]]]]]]]]]]\n"], run: { data in
            _ = try? BoundedYAML.compose(String(decoding: data, as: UTF8.self), path: "/fuzz/any.yaml")
        }),
        FuzzSurface.Decoder(name: "config.yaml paging", seeds: ["paging:\n  max_items: 100\n  max_pages: 7\n"], run: { data in
            _ = try? PagingSettings.parse(String(decoding: data, as: UTF8.self), path: "/fuzz/config.yaml")
        }),
    ]
}
