import WebSocketCore

/// Frames produced on a non-loop thread (a shard) for connections on the loops, collected during one batch and
/// handed over with one inbox post per loop (not one per frame). Owned by one thread.
///
/// Each loop applies its batch in the order it was queued, so a snapshot (`sendSnapshot`, latest-only delivery)
/// and the messages queued around it for the same connection arrive in that order.
final class Outbox {
    private let fanout: Fanout
    private var pending: [[Item]]
    private var closes: [[(token: UInt64, code: CloseCode, reason: String)]]

    init(fanout: Fanout) {
        self.fanout = fanout
        pending = []
        closes = []
    }

    /// Queues `frame` for `ref`.
    func send(_ frame: SharedFrame, to ref: ConnectionRef) {
        grow(to: ref.loop)
        pending[ref.loop].append(Item(token: ref.token, frame: frame, isSnapshot: false))
    }

    /// Queues the same frame for every ref (encoded once by the caller).
    func send<S: Sequence>(_ frame: SharedFrame, to refs: S) where S.Element == ConnectionRef {
        for ref in refs { send(frame, to: ref) }
    }

    /// Queues `frame` for `ref` as a snapshot: if the connection still holds an unsent snapshot when this one
    /// arrives, that one is replaced (see `Connection.sendSnapshot`).
    func sendSnapshot(_ frame: SharedFrame, to ref: ConnectionRef) {
        grow(to: ref.loop)
        pending[ref.loop].append(Item(token: ref.token, frame: frame, isSnapshot: true))
    }

    /// Queues the same snapshot for every ref (encoded once by the caller).
    func sendSnapshot<S: Sequence>(_ frame: SharedFrame, to refs: S) where S.Element == ConnectionRef {
        for ref in refs { sendSnapshot(frame, to: ref) }
    }

    /// Queues a close for `ref` after the frames already queued for it.
    func close(_ ref: ConnectionRef, code: CloseCode, reason: String) {
        grow(to: ref.loop)
        closes[ref.loop].append((ref.token, code, reason))
    }

    /// Hands everything queued to the loops: one `execute` per loop with work.
    func flush() {
        let loops = fanout.loops
        for index in pending.indices where !pending[index].isEmpty || !closes[index].isEmpty {
            let batch = Batch(frames: pending[index], closes: closes[index])
            pending[index].removeAll(keepingCapacity: true)
            closes[index].removeAll(keepingCapacity: true)
            guard index < loops.count else { continue }  // no such loop (nothing to deliver to)
            let loop = loops[index]
            loop.execute {
                for item in batch.frames {
                    guard let connection = loop.connection(token: item.token) else { continue }
                    if item.isSnapshot {
                        connection.sendSnapshot(item.frame)
                    } else {
                        connection.sendMessage(item.frame)
                    }
                }
                for (token, code, reason) in batch.closes { loop.connection(token: token)?.close(code, reason: reason) }
            }
        }
    }

    private func grow(to index: Int) {
        while pending.count <= index {
            pending.append([])
            closes.append([])
        }
    }

    /// One queued frame: its recipient on the loop, and whether it is a snapshot.
    private struct Item {
        let token: UInt64
        let frame: SharedFrame
        let isSnapshot: Bool
    }

    /// One loop's share of a flush; immutable once built.
    private struct Batch: @unchecked Sendable {
        let frames: [Item]
        let closes: [(token: UInt64, code: CloseCode, reason: String)]
    }
}
