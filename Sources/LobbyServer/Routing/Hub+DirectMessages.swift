import GameEvents
import Persistence

extension Hub {
    /// `chat:send_message`: stored first (acknowledged only once durable), then delivered to every connection of
    /// both users. A retry with the same envelope id stores nothing and answers with the original message.
    func sendDirectMessage(_ send: SendMessage, _ request: Request) {
        guard send.to != request.user else {
            fail(request, .conflict, "you cannot send a message to yourself")
            return
        }
        let me = request.user.rawValue
        let other = send.to.rawValue
        let text = send.text
        let clientId = request.id
        let now = SessionServices.nowMs()
        store(request, { stores -> StoredDirectMessage? in
            guard try stores.users.user(id: other) != nil else { return nil }
            return try stores.messages.append(sender: me, recipient: other, text: text, sentAt: now, clientId: clientId)
        }, then: { [self] stored in
            guard let stored, let messageId = MessageID(rawValue: stored.id) else {
                fail(request, .notFound, "no user \(other)")
                return
            }
            let message = DirectMessage(messageId: messageId, from: request.user, fromUsername: request.username,
                                        to: send.to, text: stored.text, sentAt: stored.sentAt)
            if stored.wasDuplicate {
                reply(request, .receiveMessage(message))
                return
            }
            sendToAllOfRequester(request, .receiveMessage(message))
            self.send(.receiveMessage(message), toUser: send.to)
        })
    }

    /// `chat:typing_start` / `chat:typing_stop`: relayed to the other user's connections if they are online
    /// (typing notices are not stored and not acknowledged).
    func typing(to target: UserID, started: Bool, _ request: Request) {
        guard target != request.user else { return }
        let notice = TypingNotice(from: request.user)
        send(started ? .typingStart(notice) : .typingStop(notice), toUser: target)
    }

    /// `chat:message_read`: moves the read marker (never backwards) and tells the other user.
    func markRead(_ read: MessageRead, _ request: Request) {
        let me = request.user.rawValue
        let other = read.with.rawValue
        let messageId = read.messageId.rawValue
        let now = SessionServices.nowMs()
        store(request, { stores in
            try stores.messages.markRead(reader: me, other: other, messageId: messageId, at: now)
        }, then: { [self] moved in
            let receipt = MessageReadReceipt(by: request.user, messageId: read.messageId, readAt: now)
            sendToAllOfRequester(request, .messageRead(receipt))
            if moved { send(.messageRead(receipt), toUser: read.with) }
        }, orElse: { [self] error in
            guard let storeError = error as? StoreError else { return false }
            fail(request, .notFound, storeError == .unknownMessage
                 ? "no message \(messageId) between you and \(other)" : "no user \(other)")
            return true
        })
    }

    /// `chat:history`: a page of the conversation, oldest first.
    func history(_ query: HistoryQuery, _ request: Request) {
        let me = request.user.rawValue
        let other = query.with.rawValue
        guard let cursor = HistoryCursor(before: query.before?.rawValue, after: query.after?.rawValue) else {
            fail(request, .invalidPayload, "give before or after, not both")
            return
        }
        let limit = query.limit
        store(request, { stores in
            (try stores.messages.history(between: me, and: other, cursor: cursor, limit: limit),
             try stores.users.user(id: other)?.username)
        }, then: { [self] (page: DirectMessagePage, otherName: String?) in
            let messages = page.messages.compactMap { stored -> DirectMessage? in
                guard let id = MessageID(rawValue: stored.id), let from = UserID(validating: stored.sender),
                      let to = UserID(validating: stored.recipient) else { return nil }
                let fromName = stored.sender == me ? request.username : (otherName ?? stored.sender)
                return DirectMessage(messageId: id, from: from, fromUsername: fromName, to: to, text: stored.text,
                                     sentAt: stored.sentAt)
            }
            reply(request, .history(History(with: query.with, messages: messages, hasMore: page.hasMore)))
        })
    }
}
