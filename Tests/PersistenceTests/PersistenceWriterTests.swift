import Dispatch
import Foundation
import Testing

@testable import Persistence

/// `PersistenceWriter` on both back-ends: ordering, group commit, job isolation, back-pressure, clean shutdown.
@Suite struct PersistenceWriterTests {
    struct Boom: Error, Equatable {}

    /// Runs `body` with a writer on a fresh backend, closing it afterwards.
    func withWriter(
        _ backend: StoreBackend, options: PersistenceWriter.Options = .init(),
        _ body: (PersistenceWriter) throws -> Void
    ) throws {
        try TemporaryDirectory.with { directory throws in
            let writer = try backend.writer(in: directory, options: options)
            defer { writer.close() }
            try body(writer)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func concurrentSendersKeepTheirOrderInFarFewerBatches(backend: StoreBackend) throws {
        let threads = 4
        let perThread = 2_500
        try withWriter(backend) { writer throws in
            try writer.submitAndWait { stores in
                try stores.addUsers("u-hub")
                for t in 0..<threads { try stores.addUsers("u-s\(t)") }
            }
            let before = writer.statistics
            let stored = Collected<(thread: Int, index: Int, id: Int64)>()
            let failures = Collected<String>()
            let group = DispatchGroup()
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                for i in 0..<perThread {
                    group.enter()
                    do {
                        try writer.submit(
                            { stores in
                                try stores.messages.append(
                                    sender: "u-s\(t)", recipient: "u-hub", text: "\(i)", sentAt: Int64(i),
                                    clientId: "\(i)")
                            },
                            completion: { result in
                                switch result {
                                case .success(let message): stored.append((t, i, message.id))
                                case .failure(let error): failures.append("\(error)")
                                }
                                group.leave()
                            })
                    } catch {
                        failures.append("submit: \(error)")
                        group.leave()
                    }
                }
            }
            #expect(group.wait(seconds: 120), "every completion is called")
            #expect(failures.all.isEmpty)
            let all = stored.all
            #expect(all.count == threads * perThread)
            #expect(Set(all.map(\.id)).count == all.count, "ids are unique")
            for t in 0..<threads {
                let mine = all.filter { $0.thread == t }
                // Completions arrive in submission order, and ids grow in that order.
                #expect(mine.map(\.index) == Array(0..<perThread))
                #expect(zip(mine, mine.dropFirst()).allSatisfy { $0.id < $1.id })
            }
            let statistics = writer.statistics
            let jobs = statistics.jobs - before.jobs
            let batches = statistics.batches - before.batches
            #expect(jobs == threads * perThread)
            #expect(batches * 5 <= jobs, "group commit: \(batches) transactions for \(jobs) jobs")
            print("[writer \(backend)] \(jobs) appends from \(threads) threads in \(batches) transactions")
            let page = try writer.submitAndWait { stores in
                try stores.messages.history(between: "u-hub", and: "u-s2", cursor: .latest, limit: 1000)
            }
            #expect(page.messages.count == 1000 && page.hasMore)
            #expect(page.messages.last?.text == "\(perThread - 1)")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailingJobDoesNotAffectTheOthersInItsBatch(backend: StoreBackend) throws {
        try withWriter(backend) { writer throws in
            try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
            let gate = Gate()
            try gate.hold(writer)
            let throwing: @Sendable (Stores) throws -> Int64 = { stores in
                _ = try appendJob("u-bob", "u-alice", "undone")(stores)
                try stores.friends.makeFriends("u-alice", "u-bob", since: 2)
                throw Boom()
            }
            let (results, group) = try submitNamed(
                [
                    ("first", appendJob("u-alice", "u-bob", "1")), ("throws", throwing),
                    ("constraint", appendJob("u-alice", "u-nobody", "x")), ("last", appendJob("u-bob", "u-alice", "4")),
                ], to: writer)
            let before = writer.statistics
            gate.open()
            #expect(group.wait(seconds: 30))
            let byName = Dictionary(uniqueKeysWithValues: results.all)
            #expect(results.all.map(\.0) == ["first", "throws", "constraint", "last"])
            #expect(try byName["first"]?.get() == 1)
            #expect(byName["throws"]?.failure as? Boom == Boom())
            #expect(byName["constraint"]?.failure as? StoreError == .unknownUser)
            // The undone message's id is free again: savepoints roll the sequence back too.
            #expect(try byName["last"]?.get() == 2)
            let after = writer.statistics
            // The gate's job and the four queued behind it: one batch, one transaction.
            #expect(after.lastBatchJobs == 5 && after.batches == before.batches + 1)
            let (page, friends) = try writer.submitAndWait { stores in
                (
                    try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 10),
                    try stores.friends.areFriends("u-alice", "u-bob")
                )
            }
            #expect(page.messages.map(\.text) == ["1", "4"])
            #expect(!friends)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFullQueueRefusesAtOnceAndEveryAcceptedJobCompletes(backend: StoreBackend) throws {
        var options = PersistenceWriter.Options()
        options.queueCapacity = 10
        try withWriter(backend, options: options) { writer throws in
            let gate = Gate()
            try gate.hold(writer)  // taken off the queue: the queue is empty again
            let completed = Collected<Int>()
            let group = DispatchGroup()
            for i in 0..<10 {
                group.enter()
                try writer.submit({ _ in i }) { result in
                    if case .success(let value) = result { completed.append(value) }
                    group.leave()
                }
            }
            #expect(writer.statistics.queued == 10)
            let refused = #expect(throws: PersistenceWriterError.self) {
                try writer.submit({ _ in 99 }) { _ in Issue.record("a refused job's completion must not be called") }
            }
            guard case .overloaded(capacity: 10) = refused else {
                Issue.record("expected overloaded(10), got \(String(describing: refused))")
                return
            }
            #expect(writer.statistics.rejectedSubmissions == 1)
            gate.open()
            #expect(group.wait(seconds: 30))
            #expect(completed.all == Array(0..<10))
            // Room again once drained.
            #expect(try writer.submitAndWait { _ in 42 } == 42)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func batchesStopAtTheirLimitAndKeepTheOrder(backend: StoreBackend) throws {
        var options = PersistenceWriter.Options()
        options.maxBatchJobs = 10
        try withWriter(backend, options: options) { writer throws in
            let gate = Gate()
            try gate.hold(writer)
            let before = writer.statistics
            let order = Collected<Int>()
            let group = DispatchGroup()
            for i in 0..<36 {
                group.enter()
                try writer.submit({ _ in i }) { result in
                    order.append(try! result.get())
                    group.leave()
                }
            }
            gate.open()
            #expect(group.wait(seconds: 30))
            // All queued before the gate opened: gate + 9, then 10, 10 and 7, four transactions of at most ten.
            let after = writer.statistics
            #expect(after.batches == before.batches + 4)
            #expect(after.lastBatchJobs == 7)
            #expect(order.all == Array(0..<36))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func closeRunsEverythingQueuedThenRefuses(backend: StoreBackend) throws {
        try TemporaryDirectory.with { directory throws in
            let writer = try backend.writer(in: directory)
            try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
            let gate = Gate()
            try gate.hold(writer)
            let done = Collected<Int64>()
            for i in 0..<1_000 {
                try writer.submit(
                    { stores in
                        try stores.messages.append(
                            sender: "u-alice", recipient: "u-bob", text: "\(i)", sentAt: 1, clientId: nil
                        ).id
                    },
                    completion: { result in
                        if case .success(let id) = result { done.append(id) }
                    })
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { gate.open() }
            writer.close()  // returns only after every queued job has committed and completed
            #expect(done.all == Array(1...1_000))
            let refused = #expect(throws: PersistenceWriterError.self) { try writer.submit({ _ in 1 }) { _ in } }
            guard case .closed = refused else {
                Issue.record("expected closed, got \(String(describing: refused))")
                return
            }
            writer.close()  // idempotent
            #expect(writer.statistics.jobs == 1_002)
            #expect(writer.statistics.failedJobs == 0)
        }
    }

    @Test func reopeningTheFileAfterCloseKeepsEverything() throws {
        try TemporaryDirectory.with { directory throws in
            let first = try StoreBackend.sqlite.writer(in: directory)
            let group = DispatchGroup()
            for i in 0..<100 {
                group.enter()
                try first.submit(
                    { stores in
                        if i == 0 {
                            try stores.addUsers("u-alice", "u-bob", "u-carol")
                            try stores.friends.makeFriends("u-alice", "u-bob", since: 5)
                            try stores.friends.addRequest(from: "u-carol", to: "u-alice", at: 6)
                        }
                        let message = try stores.messages.append(
                            sender: "u-alice", recipient: "u-bob", text: "\(i)", sentAt: Int64(i), clientId: "c\(i)")
                        if i == 99 {
                            try stores.messages.markRead(reader: "u-bob", other: "u-alice", messageId: 50, at: 7)
                        }
                        return message.id
                    }, completion: { _ in group.leave() })
            }
            first.close()
            #expect(group.wait(seconds: 0))  // close() returned after every completion

            let second = try StoreBackend.sqlite.writer(in: directory)
            defer { second.close() }
            try second.submitAndWait { stores in
                #expect(try stores.users.user(id: "u-carol")?.username == "carol")
                #expect(try stores.friends.friends(of: "u-bob").map(\.userId) == ["u-alice"])
                #expect(try stores.friends.requests(for: "u-alice").incoming.map(\.userId) == ["u-carol"])
                let page = try stores.messages.history(between: "u-bob", and: "u-alice", cursor: .latest, limit: 100)
                #expect(page.messages.map(\.text) == (0..<100).map { "\($0)" })
                #expect(try stores.messages.unreadCount(reader: "u-bob", other: "u-alice") == 50)  // ids 51...100
                // Client ids survive the restart: a retry after reconnecting is still recognized.
                let retry = try stores.messages.append(
                    sender: "u-alice", recipient: "u-bob", text: "again", sentAt: 1, clientId: "c7")
                #expect(retry.wasDuplicate && retry.text == "7")
                let next = try stores.messages.append(
                    sender: "u-alice", recipient: "u-bob", text: "new", sentAt: 1, clientId: nil)
                #expect(next.id == 101)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func retriedAppendsThroughTheWriterStoreOnce(backend: StoreBackend) throws {
        try withWriter(backend) { writer throws in
            try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
            let results = Collected<StoredDirectMessage>()
            let group = DispatchGroup()
            for _ in 0..<3 {
                group.enter()
                try writer.submit(
                    { stores in
                        try stores.messages.append(
                            sender: "u-alice", recipient: "u-bob", text: "gg", sentAt: 1, clientId: "m1")
                    },
                    completion: { result in
                        if case .success(let message) = result { results.append(message) }
                        group.leave()
                    })
            }
            // A read queued behind the writes sees them.
            let page = try writer.submitAndWait { stores in
                try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 10)
            }
            #expect(group.wait(seconds: 10))
            #expect(results.all.map(\.wasDuplicate) == [false, true, true])
            #expect(Set(results.all.map(\.id)) == [1])
            #expect(page.messages.count == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFlushIntervalGathersLaterJobsIntoTheOpenBatch(backend: StoreBackend) throws {
        var options = PersistenceWriter.Options()
        options.flushIntervalMilliseconds = 400
        try withWriter(backend, options: options) { writer throws in
            let before = writer.statistics
            let group = DispatchGroup()
            let started = ContinuousClock.now
            for i in 0..<3 {
                group.enter()
                try writer.submit({ _ in i }) { _ in group.leave() }
                Thread.sleep(forTimeInterval: 0.02)
            }
            #expect(group.wait(seconds: 10))
            let elapsed = ContinuousClock.now - started
            let after = writer.statistics
            #expect(after.batches == before.batches + 1 && after.lastBatchJobs == 3)
            #expect(elapsed >= .milliseconds(350), "the batch stayed open for the interval: \(elapsed)")
        }
    }

    @Test func sqliteAbandoningTheTransactionFailsOnlyTheJobsThatRanInIt() throws {
        try withWriter(.sqlite) { writer throws in
            try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
            let gate = Gate()
            try gate.hold(writer)
            // What SQLite does on its own after some I/O errors: the whole transaction is gone.
            let abandon: @Sendable (Stores) throws -> Int64 = { stores in
                try (stores.users as! SQLiteUserStore).db.execute("ROLLBACK")
                return 0
            }
            let (results, group) = try submitNamed(
                [
                    ("before", appendJob("u-alice", "u-bob", "before")), ("abandons", abandon),
                    ("after", appendJob("u-alice", "u-bob", "after")),
                ], to: writer)
            let before = writer.statistics
            gate.open()  // the gate's job, "before" and "abandons" share the first transaction
            #expect(group.wait(seconds: 30))
            let byName = Dictionary(uniqueKeysWithValues: results.all)
            guard case .batchRolledBack = byName["before"]?.failure as? PersistenceWriterError else {
                Issue.record("expected batchRolledBack, got \(String(describing: byName["before"]))")
                return
            }
            #expect(byName["abandons"]?.failure is SQLiteError)  // its savepoint was gone
            #expect(try byName["after"]?.get() != nil)
            #expect(writer.statistics.batches == before.batches + 2, "the rest ran in a new transaction")
            let texts = try writer.submitAndWait { stores in
                try stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 10).messages.map(
                    \.text)
            }
            #expect(texts == ["after"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func submitAndWaitReturnsOrThrowsTheJobsOutcome(backend: StoreBackend) throws {
        try withWriter(backend) { writer throws in
            #expect(try writer.submitAndWait { _ in "value" } == "value")
            #expect(throws: Boom.self) { try writer.submitAndWait { _ in throw Boom() } }
            #expect(throws: StoreError.sameUser) {
                try writer.submitAndWait { try $0.friends.addRequest(from: "u-a", to: "u-a", at: 1) }
            }
            #expect(!writer.isWriterThread)
            #expect(try writer.submitAndWait { _ in writer.isWriterThread })
            #expect(writer.statistics.failedJobs == 2)
        }
    }
}
