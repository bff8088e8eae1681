import CursesUI
import MembershipKit

/// memberdeck's config.yaml, read once per run and its sections interpreted at once (the file's nodes are
/// not `Sendable`). A mistake in one section fails only what uses that section; a file that cannot be read,
/// or that has a setting memberdeck does not know, fails them all.
struct ConfigSelection: Sendable {
    let endpoints: Result<EndpointsFile, ConfigurationError>
    let paging: Result<PagingLimits, ConfigurationError>
    /// The console's settings; its errors name the file and line as `config.yaml:3`.
    let console: Result<ConsoleConfigFile, ConfigurationError>

    init(path: String, environment: [String: String]) {
        let file: MemberdeckConfigFile
        do throws(YAMLReadError) {
            file = try MemberdeckConfigFile.load(path: path)
        } catch {
            endpoints = .failure(error.configurationError)
            paging = .failure(error.configurationError)
            console = .failure(Self.configurationError(ConsoleConfigFile.LoadError(error)))
            return
        }
        do throws(ConfigurationError) {
            endpoints = .success(try EndpointsFile(reading: file, environment: environment))
        } catch {
            endpoints = .failure(error)
        }
        do throws(ConfigurationError) {
            paging = .success(try PagingSettings.limits(in: file))
        } catch {
            paging = .failure(error)
        }
        do throws(ConsoleConfigFile.LoadError) {
            console = .success(try ConsoleConfigFile(reading: file))
        } catch {
            console = .failure(Self.configurationError(error))
        }
    }

    private static func configurationError(_ error: ConsoleConfigFile.LoadError) -> ConfigurationError {
        .malformedFile(path: error.line.map { "\(error.path):\($0)" } ?? error.path, detail: error.message)
    }
}
