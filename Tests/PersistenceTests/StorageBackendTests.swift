import Testing

@testable import Persistence

/// `StorageBackend` transactions and savepoints: both back-ends must roll back exactly the same changes.
@Suite struct StorageBackendTests {
    struct Boom: Error {}

    @Test(arguments: StoreBackend.allCases)
    func aFailingSavepointUndoesOnlyItsOwnChanges(backend: StoreBackend) throws {
        try backend.with { storage throws in
            let stores = storage.stores
            try storage.beginBatch()
            try storage.isolated { try stores.addUsers("u-alice", "u-bob") }
            #expect(throws: Boom.self) {
                try storage.isolated {
                    try stores.users.upsert(id: "u-alice", username: "renamed", seenAt: 5_000)
                    try stores.addUsers("u-carol")
                    try stores.friends.makeFriends("u-alice", "u-bob", since: 1)  // a savepoint nested in this one
                    _ = try stores.messages.append(
                        sender: "u-alice", recipient: "u-bob", text: "lost", sentAt: 1, clientId: "k")
                    try stores.messages.markRead(reader: "u-bob", other: "u-alice", messageId: 1, at: 1)
                    throw Boom()
                }
            }
            #expect(storage.isBatchOpen)
            #expect(
                try stores.users.user(id: "u-alice")
                    == StoredUser(id: "u-alice", username: "alice", createdAt: 1_000, lastSeen: 1_000))
            #expect(try stores.users.user(id: "u-carol") == nil)
            #expect(try stores.friends.areFriends("u-alice", "u-bob") == false)
            #expect(try stores.messages.readMarker(reader: "u-bob", other: "u-alice") == nil)
            // The client id is free again and the id sequence was rolled back with the row.
            let kept = try storage.isolated {
                try stores.messages.append(
                    sender: "u-alice", recipient: "u-bob", text: "kept", sentAt: 2, clientId: "k")
            }
            #expect(kept.id == 1 && !kept.wasDuplicate)
            try storage.commitBatch()
            #expect(!storage.isBatchOpen)
            let page = try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 10)
            #expect(page.messages.map(\.text) == ["kept"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func rollbackUndoesTheWholeBatch(backend: StoreBackend) throws {
        try backend.with { storage throws in
            let stores = storage.stores
            try stores.addUsers("u-alice", "u-bob")  // outside any batch: kept at once
            try storage.beginBatch()
            try storage.isolated {
                try stores.friends.addRequest(from: "u-alice", to: "u-bob", at: 1)
                _ = try stores.messages.append(
                    sender: "u-bob", recipient: "u-alice", text: "x", sentAt: 1, clientId: nil)
            }
            storage.rollbackBatch()
            #expect(!storage.isBatchOpen)
            storage.rollbackBatch()  // nothing open: no effect
            #expect(try stores.friends.hasRequest(from: "u-alice", to: "u-bob") == false)
            #expect(try stores.users.user(id: "u-bob") != nil)
            let next = try stores.messages.append(
                sender: "u-bob", recipient: "u-alice", text: "y", sentAt: 2, clientId: nil)
            #expect(next.id == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aSavepointOutsideABatchIsItsOwnTransaction(backend: StoreBackend) throws {
        try backend.with { storage throws in
            let stores = storage.stores
            try storage.isolated { try stores.addUsers("u-alice") }
            #expect(!storage.isBatchOpen)
            #expect(throws: Boom.self) {
                try storage.isolated {
                    try stores.addUsers("u-bob")
                    throw Boom()
                }
            }
            #expect(!storage.isBatchOpen)
            #expect(try stores.users.user(id: "u-alice") != nil)
            #expect(try stores.users.user(id: "u-bob") == nil)
        }
    }
}
