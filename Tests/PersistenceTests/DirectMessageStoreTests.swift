import Testing

@testable import Persistence

/// `DirectMessageStore`: one body per test, run on SQLite and on the in-memory twin.
@Suite struct DirectMessageStoreTests {
    /// Stores `count` messages alternating between alice and bob (alice first), texts "m0", "m1", ...
    static func conversation(_ stores: Stores, count: Int) throws -> [StoredDirectMessage] {
        try stores.addUsers("u-alice", "u-bob")
        return try (0..<count).map { i in
            let (from, to) = i % 2 == 0 ? ("u-alice", "u-bob") : ("u-bob", "u-alice")
            return try stores.messages.append(
                sender: from, recipient: to, text: "m\(i)", sentAt: Int64(1000 + i), clientId: nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func appendAssignsMonotonicIds(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let sent = try Self.conversation(stores, count: 5)
            #expect(sent.map(\.id) == [1, 2, 3, 4, 5])
            #expect(
                sent[1]
                    == StoredDirectMessage(
                        id: 2, sender: "u-bob", recipient: "u-alice", text: "m1", sentAt: 1001, clientId: nil))
            try stores.addUsers("u-carol")
            let other = try stores.messages.append(
                sender: "u-carol", recipient: "u-alice", text: "hi", sentAt: 1, clientId: "c1")
            #expect(other.id == 6 && other.clientId == "c1" && !other.wasDuplicate)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func appendWithTheSameClientIdIsIdempotentPerSender(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice", "u-bob", "u-carol")
            let first = try stores.messages.append(
                sender: "u-alice", recipient: "u-bob", text: "gg", sentAt: 10, clientId: "m1")
            let retry = try stores.messages.append(
                sender: "u-alice", recipient: "u-carol", text: "changed", sentAt: 20, clientId: "m1")
            var expected = first
            expected.wasDuplicate = true
            #expect(retry == expected)
            // Another sender may use the same client id; no client id never collides.
            let bob = try stores.messages.append(
                sender: "u-bob", recipient: "u-alice", text: "ok", sentAt: 30, clientId: "m1")
            #expect(!bob.wasDuplicate && bob.id == first.id + 1)
            let plain1 = try stores.messages.append(
                sender: "u-alice", recipient: "u-bob", text: "a", sentAt: 40, clientId: nil)
            let plain2 = try stores.messages.append(
                sender: "u-alice", recipient: "u-bob", text: "a", sentAt: 40, clientId: nil)
            #expect(!plain1.wasDuplicate && !plain2.wasDuplicate && plain2.id == plain1.id + 1)
            let page = try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 10)
            #expect(page.messages.map(\.text) == ["gg", "ok", "a", "a"])
            #expect(
                try stores.messages.history(between: "u-alice", and: "u-carol", cursor: .latest, limit: 10)
                    .messages.isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func appendRefusesTheSameOrUnknownUser(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice")
            #expect(throws: StoreError.sameUser) {
                try stores.messages.append(sender: "u-alice", recipient: "u-alice", text: "x", sentAt: 1, clientId: nil)
            }
            #expect(throws: StoreError.unknownUser) {
                try stores.messages.append(sender: "u-alice", recipient: "u-x", text: "x", sentAt: 1, clientId: "k")
            }
            #expect(throws: StoreError.unknownUser) {
                try stores.messages.append(sender: "u-x", recipient: "u-alice", text: "x", sentAt: 1, clientId: nil)
            }
            // The refused message did not take the client id.
            try stores.addUsers("u-bob")
            let stored = try stores.messages.append(
                sender: "u-alice", recipient: "u-bob", text: "y", sentAt: 2, clientId: "k")
            #expect(!stored.wasDuplicate && stored.text == "y")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func historyPagesBackwardAndForwardOldestFirst(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let sent = try Self.conversation(stores, count: 7)  // ids 1...7
            let history = { (cursor: HistoryCursor, limit: Int) throws -> ([Int64], Bool) in
                let page = try stores.messages.history(between: "u-bob", and: "u-alice", cursor: cursor, limit: limit)
                return (page.messages.map(\.id), page.hasMore)
            }
            #expect(try history(.latest, 3) == ([5, 6, 7], true))
            #expect(try history(.before(5), 3) == ([2, 3, 4], true))
            #expect(try history(.before(4), 3) == ([1, 2, 3], false))
            #expect(try history(.before(1), 3) == ([], false))
            #expect(try history(.latest, 7) == ([1, 2, 3, 4, 5, 6, 7], false))
            #expect(try history(.after(0), 3) == ([1, 2, 3], true))
            #expect(try history(.after(4), 3) == ([5, 6, 7], false))
            #expect(try history(.after(7), 3) == ([], false))
            #expect(try history(.after(Int64.min), 1) == ([1], true))
            #expect(try history(.before(Int64.min), 2) == ([], false))
            // Limits are clamped: 0 and negatives read one message, huge values the maximum.
            #expect(try history(.latest, 0) == ([7], true))
            #expect(try history(.latest, -5) == ([7], true))
            #expect(try history(.latest, Int.max) == ([1, 2, 3, 4, 5, 6, 7], false))
            let page = try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .before(3), limit: 2)
            #expect(page.messages == Array(sent[0..<2]))
            #expect(
                try stores.messages.history(between: "u-alice", and: "u-alice", cursor: .latest, limit: 5)
                    == DirectMessagePage(messages: [], hasMore: false))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func historyKeepsConversationsApart(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-a", "u-b", "u-c")
            var expected: [String: [Int64]] = [:]
            for i in 0..<30 {
                let pair = [("u-a", "u-b"), ("u-c", "u-a"), ("u-b", "u-c")][i % 3]
                let stored = try stores.messages.append(
                    sender: pair.0, recipient: pair.1, text: "\(i)", sentAt: Int64(i), clientId: nil)
                expected[[pair.0, pair.1].sorted().joined(separator: "+"), default: []].append(stored.id)
            }
            for (key, ids) in expected {
                let users = key.split(separator: "+").map(String.init)
                let page = try stores.messages.history(between: users[1], and: users[0], cursor: .latest, limit: 100)
                #expect(page.messages.map(\.id) == ids)
                #expect(page.messages.allSatisfy { Set([$0.sender, $0.recipient]) == Set(users) })
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func readMarkersMoveForwardOnlyAndCountUnread(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            _ = try Self.conversation(stores, count: 6)  // alice sent 1, 3, 5; bob sent 2, 4, 6
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-bob") == 3)
            #expect(try stores.messages.unreadCount(reader: "u-bob", other: "u-alice") == 3)
            #expect(try stores.messages.readMarker(reader: "u-alice", other: "u-bob") == nil)

            #expect(try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 4, at: 50))
            #expect(
                try stores.messages.readMarker(reader: "u-alice", other: "u-bob")
                    == ReadMarker(lastReadId: 4, readAt: 50))
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-bob") == 1)
            // Backwards or in place: no change, the time stays.
            #expect(try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 2, at: 60) == false)
            #expect(try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 4, at: 60) == false)
            #expect(
                try stores.messages.readMarker(reader: "u-alice", other: "u-bob")
                    == ReadMarker(lastReadId: 4, readAt: 50))
            // Bob's marker is his own.
            #expect(try stores.messages.unreadCount(reader: "u-bob", other: "u-alice") == 3)
            // Marking one's own message read is allowed and counts past it.
            #expect(try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 5, at: 70))
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-bob") == 1)
            #expect(try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 6, at: 80))
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-bob") == 0)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func markReadNeedsAMessageOfThatConversation(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            _ = try Self.conversation(stores, count: 2)
            try stores.addUsers("u-carol")
            let elsewhere = try stores.messages.append(
                sender: "u-carol", recipient: "u-alice", text: "x", sentAt: 1, clientId: nil)
            #expect(throws: StoreError.unknownMessage) {
                try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: elsewhere.id, at: 1)
            }
            #expect(throws: StoreError.unknownMessage) {
                try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: 99, at: 1)
            }
            #expect(throws: StoreError.unknownMessage) {
                try stores.messages.markRead(reader: "u-alice", other: "u-alice", messageId: 1, at: 1)
            }
            #expect(throws: StoreError.unknownMessage) {
                try stores.messages.markRead(reader: "u-alice", other: "u-nobody", messageId: 1, at: 1)
            }
            #expect(throws: StoreError.unknownMessage) {
                try stores.messages.markRead(reader: "u-alice", other: "u-bob", messageId: Int64.min, at: 1)
            }
            #expect(try stores.messages.readMarker(reader: "u-alice", other: "u-bob") == nil)
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-nobody") == 0)
            #expect(try stores.messages.unreadCount(reader: "u-alice", other: "u-alice") == 0)
        }
    }
}
