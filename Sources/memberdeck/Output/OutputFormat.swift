import ArgumentParser

/// `-f/--format`, as in openstackclient.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml, csv, value
}
