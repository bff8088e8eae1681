/// Messages name projects: a project id in a confirmation, a flash or the activity log is replaced
/// by its name once one is known (`Stop sharing alpha with finance?`). Ids are found as whole words
/// (letters, digits and dashes between other characters) of 32 or 36 characters, the shapes
/// Keystone gives them, so no other text is touched.
enum ProjectIDNaming {
    static func named(_ text: String, _ names: [String: String]) -> String {
        guard !names.isEmpty, text.utf8.count >= 32 else { return text }
        var out = ""
        var run = ""
        func flush() {
            if run.count == 32 || run.count == 36, let name = names[run] { out += name } else { out += run }
            run = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "-" {
                run.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}

extension ConsoleState {
    /// `text` with the project ids it holds replaced by their names, where known.
    public func named(_ text: String) -> String { ProjectIDNaming.named(text, projectNames) }
}
