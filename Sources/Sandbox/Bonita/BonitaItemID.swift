/// The id part of an item URL (`user/4`, `membership/4/2/1`).
///
/// Bonita refuses an id part that is a number <= 0 with 400 `APIIncorrectIdException` before it knows
/// which API is called (so the body says `...` for api and resource). It lets a part that is not a number
/// through, to fail later; the sandbox refuses those with the same 400, so that a client sees its mistake
/// at once.
enum BonitaItemID {
    static func parse(_ parts: [Substring], resource: String) throws -> [Int] {
        try parts.map { part in
            guard let value = Int(part), value > 0 else {
                throw BonitaFault(status: .badRequest, exception: BonitaException(
                    className: BonitaException.toolkit + "APIIncorrectIdException",
                    message: "Id must be non-zero positive for \(BonitaAPI.name) on resource \(resource)",
                    api: BonitaAPI.unknown, resource: BonitaAPI.unknown))
            }
            return value
        }
    }
}
