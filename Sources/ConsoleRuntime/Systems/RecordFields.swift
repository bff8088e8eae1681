import Console

/// The fields of an SDK record for the describe overlay, read by reflection so that a system
/// describes its records without listing their fields a second time: in declaration order, under
/// the API's own names (`disk_format`), absent values left out, nested records as `group.name`.
enum RecordFields {
    /// How deep nested records are followed, and how many elements of a list are shown: a
    /// hostile answer cannot make the overlay unbounded.
    static let maxDepth = 4
    static let maxElements = 50

    static func of(_ record: Any, prefix: String = "") -> [RecordField] {
        var fields: [RecordField] = []
        collect(record, label: prefix, depth: 0, into: &fields)
        return fields
    }

    private static func collect(_ value: Any, label: String, depth: Int, into fields: inout [RecordField]) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            guard let wrapped = mirror.children.first?.value else { return }
            collect(wrapped, label: label, depth: depth, into: &fields)
        case .struct?, .class?:
            guard depth < maxDepth else { return }
            for child in mirror.children {
                guard let name = child.label else { continue }
                let key = snakeCase(name)
                collect(child.value, label: label.isEmpty ? key : label + "." + key, depth: depth + 1, into: &fields)
            }
        case .collection?, .set?:
            let elements = mirror.children.prefix(maxElements).map(\.value)
            let more = mirror.children.count - elements.count
            if elements.allSatisfy(isScalar) {
                let text = elements.map(scalarText).joined(separator: ", ")
                fields.append(RecordField(label, more > 0 ? text + ", … (\(more) more)" : text))
            } else {
                for (index, element) in elements.enumerated() {
                    collect(element, label: "\(label)[\(index)]", depth: depth + 1, into: &fields)
                }
                if more > 0 { fields.append(RecordField(label, "… \(more) more")) }
            }
        default:
            fields.append(RecordField(label, scalarText(value)))
        }
    }

    private static func isScalar(_ value: Any) -> Bool {
        switch Mirror(reflecting: value).displayStyle {
        case .struct?, .class?, .collection?, .set?, .dictionary?, .tuple?: return value is String
        default: return true
        }
    }

    private static func scalarText(_ value: Any) -> String {
        if let text = value as? String { return text }
        if let raw = value as? any RawRepresentable { return "\(raw.rawValue)" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first.map { scalarText($0.value) } ?? "" }
        return "\(value)"
    }

    /// `diskFormat` → `disk_format`, `minRAM` → `min_ram`, `imageID` → `image_id`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previousIsLower = characters[index - 1].isLowercase || characters[index - 1].isNumber
                let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
                if previousIsLower || (nextIsLower && characters[index - 1].isUppercase) { out += "_" }
            }
            out += character.lowercased()
        }
        return out
    }
}
