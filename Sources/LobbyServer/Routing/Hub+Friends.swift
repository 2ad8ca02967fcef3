import GameEvents
import Persistence

extension Hub {
    /// What `friend:add` found in storage.
    private enum AddOutcome: Sendable {
        case unknownUser
        case alreadyFriends
        case requested(username: String)
        case becameFriends(username: String)
    }

    /// `friend:add`: a request, or the acceptance of the other user's request (then both are friends).
    func addFriend(_ target: UserID, _ request: Request) {
        guard target != request.user else {
            fail(request, .conflict, "you cannot add yourself as a friend")
            return
        }
        let me = request.user.rawValue
        let other = target.rawValue
        let now = SessionServices.nowMs()
        store(request, { stores -> AddOutcome in
            guard let user = try stores.users.user(id: other) else { return .unknownUser }
            if try stores.friends.areFriends(me, other) { return .alreadyFriends }
            if try stores.friends.hasRequest(from: other, to: me) {
                try stores.friends.makeFriends(me, other, since: now)
                return .becameFriends(username: user.username)
            }
            try stores.friends.addRequest(from: me, to: other, at: now)
            return .requested(username: user.username)
        }, then: { [self] outcome in
            switch outcome {
            case .unknownUser:
                fail(request, .notFound, "no user \(other)")
            case .alreadyFriends:
                fail(request, .conflict, "already friends with \(other)")
            case .requested(let username):
                reply(request, .friendRequestSent(UserSummary(userId: target, username: username)))
                send(.friendRequest(UserSummary(userId: request.user, username: request.username)), toUser: target)
            case .becameFriends(let username):
                friends[request.user]?[target] = username
                friends[target]?[request.user] = request.username
                sendToAllOfRequester(request, .friendAdded(FriendAdded(friend: summary(of: target, username: username))))
                send(.friendAdded(FriendAdded(friend: summary(of: request.user, username: request.username))), toUser: target)
            }
        })
    }

    /// `friend:remove`: ends a friendship, withdraws our request, or declines theirs.
    func removeFriend(_ target: UserID, _ request: Request) {
        let me = request.user.rawValue
        let other = target.rawValue
        store(request, { stores -> Bool in
            let unfriended = try stores.friends.unfriend(me, other)
            let withdrawn = try stores.friends.removeRequest(from: me, to: other)
            let declined = try stores.friends.removeRequest(from: other, to: me)
            return unfriended || withdrawn || declined
        }, then: { [self] removed in
            guard removed else {
                fail(request, .notFound, "no friendship or request with \(other)")
                return
            }
            friends[request.user]?[target] = nil
            friends[target]?[request.user] = nil
            sendToAllOfRequester(request, .friendRemoved(FriendRemoved(userId: target)))
            send(.friendRemoved(FriendRemoved(userId: request.user)), toUser: target)
        })
    }

    /// `friend:list`: friends with their live status, and pending requests both ways.
    func listFriends(_ request: Request) {
        let me = request.user.rawValue
        store(request, { stores in
            (try stores.friends.friends(of: me), try stores.friends.requests(for: me))
        }, then: { [self] (stored: [StoredFriend], requests: FriendRequests) in
            let list = stored.compactMap { friend in
                UserID(validating: friend.userId).map { summary(of: $0, username: friend.username) }
            }
            func summaries(_ entries: [FriendRequests.Entry]) -> [UserSummary] {
                entries.compactMap { entry in UserID(validating: entry.userId).map { UserSummary(userId: $0, username: entry.username) } }
            }
            reply(request, .friendList(FriendList(friends: list, incoming: summaries(requests.incoming),
                                                  outgoing: summaries(requests.outgoing))))
        })
    }
}
