import Console
/// Names by id, kept from the last load of the first pane, so that the overview (which the servers
/// answer with ids only) is named without loading the whole image list again on every refresh.
actor NameBook {
    private var names: [String: String] = [:]

    func record(_ entries: [(String, String)]) {
        for (id, name) in entries { names[id] = name }
    }

    func all() -> [String: String] { names }

    /// The names of `ids`, or nil when one is unknown (the caller loads the list then).
    func names(for ids: [String]) -> [String: String]? {
        ids.allSatisfy { names[$0] != nil } ? names : nil
    }
}
