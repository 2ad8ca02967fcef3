import Testing

@testable import Persistence

/// `LobbyChatStore` retention (`prune`, `deleteLobby`) and rollback, on SQLite and on the in-memory twin.
@Suite struct LobbyChatRetentionTests {
    /// The ids stored in `lobby`, oldest first.
    static func ids(_ stores: Stores, _ lobby: String) throws -> [Int64] {
        try stores.lobbyChat.history(lobbyId: lobby, cursor: .after(0), limit: 100).messages.map(\.id)
    }

    @Test(arguments: StoreBackend.allCases)
    func pruneByCountKeepsTheNewestAndTheSequence(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            for lobby in ["l-a", "l-b", "l-c"] { try LobbyChatStoreTests.chat(stores, lobby: lobby, count: 10) }
            #expect(try chat.prune(lobbyId: "l-a", keepLast: 4, olderThan: nil) == 6)
            #expect(try Self.ids(stores, "l-a") == [7, 8, 9, 10])
            #expect(try Self.ids(stores, "l-b") == Array(1...10), "one lobby only")
            #expect(try chat.prune(lobbyId: "l-a", keepLast: 4, olderThan: nil) == 0, "already within the cap")
            // Every lobby at once: l-a loses 7 and 8, the others 8 each.
            #expect(try chat.prune(lobbyId: nil, keepLast: 2, olderThan: nil) == 18)
            for lobby in ["l-a", "l-b", "l-c"] { #expect(try Self.ids(stores, lobby) == [9, 10]) }
            // Down to nothing: the sequence carries on, and ids seen before stay markable.
            #expect(try chat.prune(lobbyId: "l-b", keepLast: 0, olderThan: nil) == 2)
            #expect(try chat.prune(lobbyId: "l-c", keepLast: -3, olderThan: nil) == 2, "negative counts as 0")
            #expect(try Self.ids(stores, "l-b").isEmpty)
            #expect(try chat.lastMessageId(lobbyId: "l-b") == 10)
            #expect(try chat.markRead(lobbyId: "l-b", userId: "u-alice", messageId: 4, at: 1))
            let next = try chat.append(
                lobbyId: "l-b", userId: "u-bob", username: "bob", text: "again", sentAt: 5_000, clientId: nil)
            #expect(next.id == 11)
            #expect(try chat.prune(lobbyId: "l-b", keepLast: 0, olderThan: nil) == 1)
            #expect(try chat.lastMessageId(lobbyId: "l-b") == 11)
            #expect(try chat.prune(lobbyId: nil, keepLast: nil, olderThan: nil) == 0, "no rule, nothing deleted")
            #expect(try chat.prune(lobbyId: "l-none", keepLast: 0, olderThan: 1) == 0)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pruneByAgeRemovesThePrefixSentBeforeTheCutoff(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            // l-a sent at 100, 200, ..., 1000; in l-b the clock went back: 100, 200, 900, 300, 400.
            try LobbyChatStoreTests.chat(stores, lobby: "l-a", count: 10) { Int64(100 * ($0 + 1)) }
            let skewed: [Int64] = [100, 200, 900, 300, 400]
            try LobbyChatStoreTests.chat(stores, lobby: "l-b", count: 5) { skewed[$0] }
            #expect(try chat.prune(lobbyId: "l-a", keepLast: nil, olderThan: 350) == 3)
            #expect(try Self.ids(stores, "l-a") == Array(4...10))
            // Stops at the first message young enough: 4 and 5 are older but stay until 3 goes (ids contiguous).
            #expect(try chat.prune(lobbyId: nil, keepLast: nil, olderThan: 500) == 2 + 1)
            #expect(try Self.ids(stores, "l-a") == Array(5...10))
            #expect(try Self.ids(stores, "l-b") == [3, 4, 5])
            // Both rules: whichever cuts deeper.
            #expect(try chat.prune(lobbyId: "l-a", keepLast: 4, olderThan: 600) == 2)
            #expect(try Self.ids(stores, "l-a") == [7, 8, 9, 10])
            #expect(try chat.prune(lobbyId: "l-a", keepLast: 3, olderThan: 900) == 2)
            #expect(try Self.ids(stores, "l-a") == [9, 10])
            // Everything too old: the lobby empties and its sequence carries on.
            #expect(try chat.prune(lobbyId: nil, keepLast: 100, olderThan: 10_000) == 2 + 3)
            #expect(try chat.lastMessageId(lobbyId: "l-a") == 10 && chat.lastMessageId(lobbyId: "l-b") == 5)
            let next = try chat.append(
                lobbyId: "l-b", userId: "u-bob", username: "bob", text: "x", sentAt: 20_000, clientId: nil)
            #expect(next.id == 6)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pruneVisitsEveryLobbyAndFreesClientIds(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            let lobbies = (0..<40).map { "l-\($0)" } + ["", "l-é", "l-\u{1F3D3}"]
            for (n, lobby) in lobbies.enumerated() {
                for i in 0..<(n % 5 + 1) {
                    _ = try chat.append(
                        lobbyId: lobby, userId: "u-alice", username: "alice", text: "\(i)", sentAt: 1,
                        clientId: "k\(i)")
                }
            }
            let total = lobbies.indices.reduce(0) { $0 + $1 % 5 + 1 }
            let kept = lobbies.count
            #expect(try chat.prune(lobbyId: nil, keepLast: 1, olderThan: nil) == total - kept)
            for (n, lobby) in lobbies.enumerated() { #expect(try Self.ids(stores, lobby) == [Int64(n % 5 + 1)]) }
            // A resend whose original retention deleted is a new message (the original is gone for everyone).
            let resent = try chat.append(
                lobbyId: "l-4", userId: "u-alice", username: "alice", text: "again", sentAt: 2, clientId: "k0")
            #expect(!resent.wasDuplicate && resent.id == 6)
            let kept4 = try chat.append(
                lobbyId: "l-4", userId: "u-alice", username: "alice", text: "again", sentAt: 2, clientId: "k4")
            #expect(kept4.wasDuplicate && kept4.id == 5)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func deleteLobbyRemovesEverythingOfThatLobbyOnly(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let chat = stores.lobbyChat
            try LobbyChatStoreTests.chat(stores, lobby: "l-a", count: 6)
            try LobbyChatStoreTests.chat(stores, lobby: "l-b", count: 3)
            try chat.markRead(lobbyId: "l-a", userId: "u-alice", messageId: 2, at: 1)
            try chat.markRead(lobbyId: "l-b", userId: "u-alice", messageId: 2, at: 1)
            try chat.prune(lobbyId: "l-a", keepLast: 0, olderThan: nil)  // leaves only the sequence behind
            try LobbyChatStoreTests.chat(stores, lobby: "l-a", count: 2)
            #expect(try chat.deleteLobby(lobbyId: "l-a") == 2)
            #expect(try chat.lastMessageId(lobbyId: "l-a") == 0)
            #expect(try chat.readMarker(lobbyId: "l-a", userId: "u-alice") == nil)
            #expect(try chat.deleteLobby(lobbyId: "l-a") == 0)
            #expect(try Self.ids(stores, "l-b") == [1, 2, 3])
            #expect(try chat.readMarker(lobbyId: "l-b", userId: "u-alice") == ReadMarker(lastReadId: 2, readAt: 1))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailingSavepointUndoesLobbyChatChanges(backend: StoreBackend) throws {
        struct Boom: Error {}
        try backend.with { storage throws in
            let stores = storage.stores
            let chat = stores.lobbyChat
            try LobbyChatStoreTests.chat(stores, lobby: "l-a", count: 4)
            try LobbyChatStoreTests.chat(stores, lobby: "l-b", count: 2)
            try chat.markRead(lobbyId: "l-a", userId: "u-bob", messageId: 1, at: 1)
            try storage.beginBatch()
            #expect(throws: Boom.self) {
                try storage.isolated {
                    _ = try chat.append(
                        lobbyId: "l-a", userId: "u-alice", username: "alice", text: "lost", sentAt: 9, clientId: "k")
                    _ = try chat.append(
                        lobbyId: "l-new", userId: "u-alice", username: "alice", text: "lost", sentAt: 9, clientId: "k")
                    try chat.markRead(lobbyId: "l-a", userId: "u-bob", messageId: 5, at: 9)
                    try chat.markRead(lobbyId: "l-a", userId: "u-alice", messageId: 3, at: 9)
                    try chat.prune(lobbyId: "l-a", keepLast: 0, olderThan: nil)
                    try chat.deleteLobby(lobbyId: "l-b")
                    _ = try chat.append(
                        lobbyId: "l-b", userId: "u-alice", username: "alice", text: "lost", sentAt: 9, clientId: nil)
                    throw Boom()
                }
            }
            #expect(try Self.ids(stores, "l-a") == [1, 2, 3, 4])
            #expect(try Self.ids(stores, "l-b") == [1, 2])
            #expect(try chat.lastMessageId(lobbyId: "l-new") == 0)
            #expect(try chat.readMarker(lobbyId: "l-a", userId: "u-bob") == ReadMarker(lastReadId: 1, readAt: 1))
            #expect(try chat.readMarker(lobbyId: "l-a", userId: "u-alice") == nil)
            // The client id is free again and the sequence was rolled back with the row.
            let kept = try storage.isolated {
                try chat.append(
                    lobbyId: "l-a", userId: "u-alice", username: "alice", text: "kept", sentAt: 10, clientId: "k")
            }
            #expect(kept.id == 5 && !kept.wasDuplicate)
            try storage.commitBatch()
            #expect(try Self.ids(stores, "l-a") == [1, 2, 3, 4, 5])
        }
    }
}
