import GameEvents
import Persistence

extension Hub {
    /// `lobby:chat`: stored through the writer first; only after COMMIT is it broadcast to the lobby (the
    /// sender's copy with `replyTo`). A resend with the same envelope id stores nothing and answers with the
    /// original message.
    func sendLobbyMessage(_ send: SendLobbyMessage, _ request: Request) {
        guard let lobbyId = lobbies.lobbyOf(request.user) else {
            fail(request, .conflict, "you are not in a lobby", reason: "not_in_lobby")
            return
        }
        let user = request.user.rawValue
        let username = request.username
        let text = send.text
        let clientId = request.id
        let now = nowMs()
        store(request, { stores in
            let stored = try stores.lobbyChat.append(lobbyId: lobbyId.rawValue, userId: user, username: username, text: text,
                                                     sentAt: now, clientId: clientId)
            // The sender has read everything up to their own message (same transaction, so it survives restarts).
            if !stored.wasDuplicate {
                try stores.lobbyChat.markRead(lobbyId: lobbyId.rawValue, userId: user, messageId: stored.id, at: now)
            }
            return stored
        }, then: { [self] stored in
            guard let message = Self.wire(stored) else { return }
            if stored.wasDuplicate {
                reply(request, .lobbyChat(message))
                return
            }
            if var chat = lobbyChat[lobbyId] {
                chat.lastMessageId = max(chat.lastMessageId, stored.id)
                chat.lastRead[request.user] = stored.id  // the sender has read their own message
                lobbyChat[lobbyId] = chat
            }
            let members = lobbies.lobby(lobbyId)?.memberIds ?? [request.user]
            broadcast(.lobbyChat(message), to: members, requester: request)
        })
    }

    /// `lobby:typing`: relayed to the other members; not stored, not acknowledged.
    func lobbyTyping(_ typing: Bool, _ request: Request) {
        guard let lobbyId = lobbies.lobbyOf(request.user), let lobby = lobbies.lobby(lobbyId) else { return }
        let event = ServerEvent.lobbyTyping(LobbyTypingNotice(lobbyId: lobbyId, userId: request.user, typing: typing))
        broadcast(event, to: lobby.memberIds.filter { $0 != request.user }, requester: nil)
    }

    /// `lobby:chat:history`: a page of the lobby's chat, oldest first.
    func lobbyHistory(_ query: LobbyHistoryQuery, _ request: Request) {
        guard let lobbyId = lobbies.lobbyOf(request.user) else {
            fail(request, .conflict, "you are not in a lobby", reason: "not_in_lobby")
            return
        }
        guard let cursor = HistoryCursor(before: query.before?.rawValue, after: query.after?.rawValue) else {
            fail(request, .invalidPayload, "give before or after, not both")
            return
        }
        let limit = query.limit
        store(request, { stores in try stores.lobbyChat.history(lobbyId: lobbyId.rawValue, cursor: cursor, limit: limit) },
              then: { [self] page in
                  reply(request, .lobbyHistory(LobbyHistory(lobbyId: lobbyId, messages: page.messages.compactMap(Self.wire),
                                                            hasMore: page.hasMore)))
              })
    }

    /// `lobby:chat:read`: moves the member's read marker (never backwards); members see the new unread
    /// counts in a `lobby:update`.
    func lobbyChatRead(_ messageId: MessageID, _ request: Request) {
        guard let lobbyId = lobbies.lobbyOf(request.user) else {
            fail(request, .conflict, "you are not in a lobby", reason: "not_in_lobby")
            return
        }
        let user = request.user.rawValue
        let now = nowMs()
        store(request, { stores in
            try stores.lobbyChat.markRead(lobbyId: lobbyId.rawValue, userId: user, messageId: messageId.rawValue, at: now)
        }, then: { [self] moved in
            reply(request, .lobbyChatRead(LobbyChatReadMarker(lobbyId: lobbyId, messageId: messageId)))
            guard moved, let lobby = lobbies.lobby(lobbyId) else { return }
            if var chat = lobbyChat[lobbyId] {
                chat.lastRead[request.user] = max(chat.lastRead[request.user] ?? 0, messageId.rawValue)
                lobbyChat[lobbyId] = chat
            }
            broadcast(.lobbyUpdate(LobbySnapshot(lobby: wire(lobby))), to: lobby.memberIds, requester: nil)
        }, orElse: { [self] error in
            guard error is StoreError else { return false }
            fail(request, .notFound, "no message \(messageId.rawValue) in this lobby")
            return true
        })
    }

    /// A stored lobby message as a wire message.
    static func wire(_ stored: StoredLobbyMessage) -> LobbyChatMessage? {
        guard let lobby = LobbyID(rawValue: stored.lobbyId), let id = MessageID(rawValue: stored.id),
              let user = UserID(rawValue: stored.userId) else { return nil }
        return LobbyChatMessage(lobbyId: lobby, messageId: id, userId: user, username: stored.username, text: stored.text,
                                sentAt: stored.sentAt)
    }

    /// Forgets answered and expired invitations every 30 s, so they cannot accumulate.
    func scheduleInvitationPurge() {
        shard.schedule(afterMs: 30_000) { [self] in
            _ = lobbies.expireInvitations(now: nowMs())
            scheduleInvitationPurge()
        }
    }

    /// Prunes lobby chat by count and age in the background, every 10 minutes.
    func scheduleChatRetention(keep: Int, maxAgeDays: Int) {
        guard keep > 0 || maxAgeDays > 0 else { return }
        shard.schedule(afterMs: 10 * 60 * 1000) { [self] in
            let cutoff: Int64? = maxAgeDays > 0 ? nowMs() - Int64(maxAgeDays) * 86_400_000 : nil
            store(nil, { stores in try stores.lobbyChat.prune(lobbyId: nil, keepLast: keep > 0 ? keep : nil, olderThan: cutoff) },
                  then: { pruned in if pruned > 0 { Log.info("lobby chat pruned", ["messages": pruned]) } })
            scheduleChatRetention(keep: keep, maxAgeDays: maxAgeDays)
        }
    }
}
