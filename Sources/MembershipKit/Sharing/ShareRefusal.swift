/// What Glance's refusals of a member request mean, said in the operator's terms: its 403 is
/// either policy or the image's visibility, and a 413 either its member quota or (Rackspace) a
/// rate limit. The server's own words stay in the message; this is added after them.
public enum ShareRefusal {
    public static func reason(_ failure: HTTPFailure) -> String? {
        // Only Glance's member requests (v2 and v1): other systems' 403 and 413 mean other things.
        guard failure.url.contains("/images/"), failure.url.contains("/members") else { return nil }
        let message = failure.message
        switch failure.status {
        case 403:
            if message.hasPrefix("Not allowed to") && message.contains("members for image") || message.contains("Only shared images have members") {
                return "visibility refused it: only an image whose visibility is 'shared' can have members"
            }
            if message.hasPrefix("You are not authorized to complete") {
                if message.contains("modify_member") { return "policy refused it: only the member project itself, or an admin, sets a share's status" }
                if message.contains("_member") { return "policy refused it: only the image's owner (with the member role) or an admin changes its members" }
            }
            return nil
        case 413:
            if message.contains("member limit exceeded") || message.contains("Maximum: ") {
                return "Glance's member quota answered: the image has as many members as image_member_quota allows (128 by default)"
            }
            return "a rate limit answered (as Rackspace's over-limit does), not a member quota"
        default:
            return nil
        }
    }
}
