/// Choosing a cloud: at start when several are configured and none was named (instead of
/// exiting), and with `:cloud` alone. The console connects to the chosen one, and its retries
/// go there too.
extension ConsoleUpdate {
    /// What the console does first: connect, or offer the clouds to choose from.
    public static func start(_ state: inout ConsoleState) -> [Effect] {
        guard state.settings.chooseCloudFirst, !state.settings.availableClouds.isEmpty else { return [.connect] }
        state.connectionError = "several clouds are configured: choose one"
        openCloudPicker(&state)
        return []
    }

    static func openCloudPicker(_ state: inout ConsoleState) {
        var picker = Picker(request: PickerRequest(title: "Choose a cloud", ref: RowRef("clouds")), loadID: 0)
        picker.purpose = .cloud
        picker.isLoading = false
        picker.items = state.settings.availableClouds.map { name in
            PickerItem(id: name, label: name, detail: name == state.session?.cloud ? "(connected)" : "")
        }
        state.overlay = .picker(picker)
    }

    /// Enter on a cloud: connect there.
    static func chooseCloud(_ state: inout ConsoleState, _ name: String) -> [Effect] {
        state.overlay = .none
        state.chosenCloud = name
        return [.switchCloud(name)]
    }

    /// Esc with no cloud chosen: the panes stay empty, and the header says how to choose later.
    static func cloudChoiceCancelled(_ state: inout ConsoleState) {
        state.overlay = .none
        guard state.session == nil, state.chosenCloud == nil else { return }
        state.connectionError = "no cloud chosen: :cloud opens the list"
        flash(&state, "no cloud chosen: :cloud opens the list, :cloud NAME goes there", .info)
    }

    /// How to connect again with no session: to the cloud chosen, else as configured.
    static func reconnect(_ state: ConsoleState) -> [Effect] {
        if let cloud = state.chosenCloud { return [.switchCloud(cloud)] }
        if state.settings.chooseCloudFirst { return [] }
        return [.connect]
    }
}
