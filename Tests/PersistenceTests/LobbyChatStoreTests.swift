import Testing

@testable import Persistence

/// `LobbyChatStore`: sequences, idempotency, history, read markers, catch-up. One body per test, run on SQLite and
/// on the in-memory twin. Retention is in `LobbyChatRetentionTests`.
@Suite struct LobbyChatStoreTests {
    /// Stores `count` messages in `lobby`, sent in turn by `users` (texts "m0", "m1", ..., sent at 1000, 1001, ...).
    @discardableResult
    static func chat(
        _ stores: Stores, lobby: String = "l-one", count: Int, users: [String] = ["u-alice", "u-bob"],
        sentAt: (Int) -> Int64 = { Int64(1000 + $0) }
    ) throws -> [StoredLobbyMessage] {
        try (0..<count).map { i in
            let user = users[i % users.count]
            return try stores.lobbyChat.append(
                lobbyId: lobby, userId: user, username: String(user.dropFirst(2)), text: "m\(i)", sentAt: sentAt(i),
                clientId: nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func eachLobbyNumbersItsMessagesFromOne(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            #expect(try chat.lastMessageId(lobbyId: "l-one") == 0)
            var ids: [String: [Int64]] = [:]
            for i in 0..<12 {
                let lobby = ["l-one", "l-two", "l-one", "l-three"][i % 4]
                let stored = try chat.append(
                    lobbyId: lobby, userId: "u-alice", username: "alice", text: "\(i)", sentAt: Int64(i),
                    clientId: "c\(i)")
                ids[lobby, default: []].append(stored.id)
            }
            #expect(ids == ["l-one": [1, 2, 3, 4, 5, 6], "l-two": [1, 2, 3], "l-three": [1, 2, 3]])
            #expect(try chat.lastMessageId(lobbyId: "l-one") == 6)
            #expect(try chat.lastMessageId(lobbyId: "l-three") == 3)
            #expect(try chat.lastMessageId(lobbyId: "l-none") == 0)
            let first = try chat.history(lobbyId: "l-two", cursor: .latest, limit: 1).messages
            #expect(
                first == [
                    StoredLobbyMessage(
                        lobbyId: "l-two", id: 3, userId: "u-alice", username: "alice", text: "9", sentAt: 9,
                        clientId: "c9")
                ])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aResendWithTheSameClientIdIsStoredOnce(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            let first = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice", text: "gg", sentAt: 10, clientId: "k1")
            let retry = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice2", text: "changed", sentAt: 20, clientId: "k1")
            var expected = first
            expected.wasDuplicate = true
            #expect(retry == expected)
            #expect(try chat.lastMessageId(lobbyId: "l-one") == 1, "the retry took no id")
            // The key is (lobby, user, client id): another user, another lobby or no client id never collide.
            let bob = try chat.append(
                lobbyId: "l-one", userId: "u-bob", username: "bob", text: "ok", sentAt: 30, clientId: "k1")
            let elsewhere = try chat.append(
                lobbyId: "l-two", userId: "u-alice", username: "alice", text: "hi", sentAt: 40, clientId: "k1")
            let plain1 = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice", text: "a", sentAt: 50, clientId: nil)
            let plain2 = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice", text: "a", sentAt: 50, clientId: nil)
            let empty = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice", text: "e", sentAt: 60, clientId: "")
            let emptyAgain = try chat.append(
                lobbyId: "l-one", userId: "u-alice", username: "alice", text: "e2", sentAt: 70, clientId: "")
            #expect([bob, elsewhere, plain1, plain2, empty].allSatisfy { !$0.wasDuplicate })
            #expect([bob.id, plain1.id, plain2.id, empty.id] == [2, 3, 4, 5] && elsewhere.id == 1)
            #expect(emptyAgain.wasDuplicate && emptyAgain.id == 5 && emptyAgain.text == "e")
            let page = try chat.history(lobbyId: "l-one", cursor: .latest, limit: 10)
            #expect(page.messages.map(\.text) == ["gg", "ok", "a", "a", "e"])
            #expect(page.messages.allSatisfy { !$0.wasDuplicate })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func historyPagesBackwardAndForwardOldestFirst(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let sent = try Self.chat(stores, count: 7)  // ids 1...7
            _ = try Self.chat(stores, lobby: "l-other", count: 3)
            let history = { (cursor: HistoryCursor, limit: Int) throws -> ([Int64], Bool) in
                let page = try stores.lobbyChat.history(lobbyId: "l-one", cursor: cursor, limit: limit)
                #expect(page.messages.allSatisfy { $0.lobbyId == "l-one" })
                return (page.messages.map(\.id), page.hasMore)
            }
            #expect(try history(.latest, 3) == ([5, 6, 7], true))
            #expect(try history(.before(5), 3) == ([2, 3, 4], true))
            #expect(try history(.before(2), 3) == ([1], false))
            #expect(try history(.before(1), 3) == ([], false))
            #expect(try history(.latest, 7) == ([1, 2, 3, 4, 5, 6, 7], false))
            #expect(try history(.after(0), 3) == ([1, 2, 3], true))
            #expect(try history(.after(4), 3) == ([5, 6, 7], false))
            #expect(try history(.after(7), 3) == ([], false))
            #expect(try history(.after(Int64.min), 1) == ([1], true))
            #expect(try history(.before(Int64.min), 2) == ([], false))
            #expect(try history(.before(Int64.max), 2) == ([6, 7], true))
            // Limits are clamped into 1...100.
            #expect(try history(.latest, 0) == ([7], true))
            #expect(try history(.latest, -5) == ([7], true))
            #expect(
                try stores.lobbyChat.history(lobbyId: "l-one", cursor: .before(3), limit: 2).messages == [
                    sent[0], sent[1],
                ])
            #expect(
                try stores.lobbyChat.history(lobbyId: "l-none", cursor: .latest, limit: 5)
                    == LobbyMessagePage(messages: [], hasMore: false))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func historyServesAtMostAHundred(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try Self.chat(stores, count: 130)
            let latest = try stores.lobbyChat.history(lobbyId: "l-one", cursor: .latest, limit: Int.max)
            #expect(latest.messages.map(\.id) == Array(31...130) && latest.hasMore)
            let forward = try stores.lobbyChat.history(lobbyId: "l-one", cursor: .after(0), limit: 1000)
            #expect(forward.messages.map(\.id) == Array(1...100) && forward.hasMore)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func readMarkersMoveForwardOnlyAndUnknownIdsAreRefused(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            try Self.chat(stores, count: 5)
            try Self.chat(stores, lobby: "l-two", count: 9)
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-alice") == nil)
            #expect(try chat.markRead(lobbyId: "l-one", userId: "u-alice", messageId: 3, at: 50))
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-alice") == ReadMarker(lastReadId: 3, readAt: 50))
            // Backwards or in place: no change, the time stays.
            #expect(try chat.markRead(lobbyId: "l-one", userId: "u-alice", messageId: 2, at: 60) == false)
            #expect(try chat.markRead(lobbyId: "l-one", userId: "u-alice", messageId: 3, at: 60) == false)
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-alice") == ReadMarker(lastReadId: 3, readAt: 50))
            #expect(try chat.markRead(lobbyId: "l-one", userId: "u-alice", messageId: 5, at: 70))
            // Markers are per lobby and per user.
            #expect(try chat.readMarker(lobbyId: "l-two", userId: "u-alice") == nil)
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-bob") == nil)
            // Ids beyond the lobby's last (here 5, though l-two has 9), zero, negative, unknown lobby: refused.
            for (lobby, id) in [("l-one", 6), ("l-one", 0), ("l-one", -1), ("l-one", Int64.min), ("l-none", 1)] {
                #expect(throws: StoreError.unknownMessage, "\(lobby) \(id)") {
                    try chat.markRead(lobbyId: lobby, userId: "u-bob", messageId: id, at: 80)
                }
            }
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-bob") == nil)
            #expect(try chat.readMarker(lobbyId: "l-one", userId: "u-alice") == ReadMarker(lastReadId: 5, readAt: 70))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func unreadCountsSkipOwnMessagesAndReadOnes(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            // alice sent 1, 4, 7; bob 2, 5, 8; carol 3, 6.
            try Self.chat(stores, count: 8, users: ["u-alice", "u-bob", "u-carol"])
            try Self.chat(stores, lobby: "l-two", count: 4, users: ["u-dave"])
            let everyone = ["u-alice", "u-bob", "u-carol", "u-eve"]
            #expect(
                try chat.unreadCounts(lobbyId: "l-one", userIds: everyone)
                    == ["u-alice": 5, "u-bob": 5, "u-carol": 6, "u-eve": 8])
            try chat.markRead(lobbyId: "l-one", userId: "u-alice", messageId: 5, at: 1)
            try chat.markRead(lobbyId: "l-one", userId: "u-carol", messageId: 8, at: 1)
            try chat.markRead(lobbyId: "l-two", userId: "u-bob", messageId: 4, at: 1)  // another lobby: no effect
            #expect(
                try chat.unreadCounts(lobbyId: "l-one", userIds: everyone)
                    == ["u-alice": 2, "u-bob": 5, "u-carol": 0, "u-eve": 8])
            #expect(try chat.unreadCounts(lobbyId: "l-one", userIds: ["u-bob", "u-bob"]) == ["u-bob": 5])
            #expect(try chat.unreadCounts(lobbyId: "l-one", userIds: []) == [:])
            #expect(try chat.unreadCounts(lobbyId: "l-none", userIds: ["u-alice"]) == ["u-alice": 0])
            // More users than one statement names (`SQLiteLobbyChatStore.unreadChunk`).
            let crowd = (0..<150).map { "u-\($0)" }
            let counts = try chat.unreadCounts(lobbyId: "l-two", userIds: crowd + ["u-dave"])
            #expect(counts.count == 151 && counts["u-dave"] == 0 && crowd.allSatisfy { counts[$0] == 4 })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func catchUpRecoversOrReportsWhatIsMissing(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            let sent = try Self.chat(stores, count: 10)
            try Self.chat(stores, lobby: "l-two", count: 20)
            // Everything after the client's id fits: recovered.
            let recovered = try chat.messages(lobbyId: "l-one", after: 7, limit: 10)
            #expect(
                recovered
                    == LobbyChatCatchUp(
                        messages: Array(sent[7...]), missedBeyondLimit: 0, pruned: 0, lastMessageId: 10))
            #expect(recovered.isComplete)
            // Too many: the newest `limit`, and how many before them did not fit.
            let gap = try chat.messages(lobbyId: "l-one", after: 2, limit: 3)
            #expect(gap.messages.map(\.id) == [8, 9, 10] && gap.missedBeyondLimit == 5 && gap.pruned == 0)
            #expect(!gap.isComplete && gap.missed == 5)
            // Up to date, or an id from elsewhere (above the last: the caller resets).
            #expect(try chat.messages(lobbyId: "l-one", after: 10, limit: 5).messages.isEmpty)
            let ahead = try chat.messages(lobbyId: "l-one", after: 15, limit: 5)
            #expect(ahead.messages.isEmpty && ahead.isComplete && ahead.lastMessageId == 10)
            // A negative id counts as "saw nothing"; limits are clamped into 1...1000.
            #expect(try chat.messages(lobbyId: "l-one", after: -4, limit: 100).messages == sent)
            let one = try chat.messages(lobbyId: "l-one", after: 0, limit: 0)
            #expect(one.messages.map(\.id) == [10] && one.missedBeyondLimit == 9)
            #expect(
                try chat.messages(lobbyId: "l-none", after: 3, limit: 5)
                    == LobbyChatCatchUp(messages: [], missedBeyondLimit: 0, pruned: 0, lastMessageId: 0))
            // After retention deleted 1...4: those are reported as pruned, not as beyond the limit.
            try chat.prune(lobbyId: "l-one", keepLast: 6, olderThan: nil)
            let pruned = try chat.messages(lobbyId: "l-one", after: 2, limit: 4)
            #expect(pruned.messages.map(\.id) == [7, 8, 9, 10] && pruned.missedBeyondLimit == 2 && pruned.pruned == 2)
            #expect(pruned.missed == 4)
        }
    }
}
