import MembershipKit

/// `members add --accept`: shares with the current credentials, then accepts with the consumer's,
/// so a share is usable in one step. An accept that fails takes the share back (unless
/// `--keep-pending`): a pending share nobody will accept is what the handshake is meant to avoid.
struct Handshake: Sendable {
    let owner: GlanceV2Client
    /// The consumer's credentials for each member id, found before anything is sent.
    let consumers: [String: ConsumerCredentials]
    let consumerClient: @Sendable (ConsumerCredentials) throws -> GlanceV2Client
    let keepPending: Bool

    struct Outcome: Sendable {
        let member: ImageMember
        let acceptedBy: String
    }

    /// The consumer credentials of every member; one without any stops the command before Glance is touched.
    static func consumers(for memberIDs: [String], names: [String: ProjectName], context: CommandContext,
                          home: OpenStackSession) async throws -> [String: ConsumerCredentials] {
        // One lookup for every member (it logs in to each cloud once), then each member is looked up in it.
        let all = await ConsumerCredentials.all(home: home, clouds: context.allClouds, session: { try context.session(for: $0) })
        var found: [String: ConsumerCredentials] = [:]
        for memberID in memberIDs where found[memberID] == nil {
            guard let consumer = all[memberID] else {
                let project = names[memberID].map { "'\($0.name)' (\(memberID))" } ?? memberID
                throw CommandLineMistake("no credentials act as project \(project): no cloud of clouds.yaml is scoped to it and your user has no role there; share without --accept and accept with the consumer's credentials")
            }
            found[memberID] = consumer
        }
        return found
    }

    func run(imageID: String, memberID: String) async throws -> Outcome {
        // Already a member (409): the handshake still accepts it, and never removes a share it did not make.
        var existed = false
        do {
            _ = try await owner.addMember(imageID: imageID, memberID: memberID)
        } catch let error as MembershipError where error.httpStatus == 409 {
            existed = true
        }
        guard let consumer = consumers[memberID] else { throw MembershipError.incomplete("no consumer credentials for \(memberID)") }
        do {
            let accepted = try await consumerClient(consumer).updateMember(imageID: imageID, memberID: memberID, status: .accepted)
            return Outcome(member: accepted, acceptedBy: consumer.description)
        } catch {
            let why = MembershipError.wrapping(error).description
            if existed { throw MembershipError.incomplete("already a member; accepting as \(consumer.description) failed: \(why); the share is unchanged") }
            if keepPending { throw MembershipError.incomplete("shared, but accepting as \(consumer.description) failed: \(why); the share stays pending") }
            do {
                try await owner.removeMember(imageID: imageID, memberID: memberID)
            } catch {
                throw MembershipError.incomplete("shared, but accepting as \(consumer.description) failed: \(why); removing the share again failed too (\(MembershipError.wrapping(error).description)): it is pending")
            }
            throw MembershipError.incomplete("accepting as \(consumer.description) failed: \(why); the share was removed again (--keep-pending keeps it)")
        }
    }
}
