import CLinux

/// Checks that every chat message of the measurement window is in the lobbies' history: each ready lobby's host
/// pages `lobby:chat:history` from the newest message back (`limit` 100, `before` = the oldest `messageId` of the
/// previous page) until `hasMore` is false, one request in flight per lobby. Markers in the stored texts are
/// matched against the window's sequence numbers, one flag each, so a message stored twice or not at all shows.
/// A `rate_limited` answer is retried after its `retryAfterMs`.
final class HistoryAudit {
    private unowned let engine: LoadEngine
    private let layout: LobbyLayout
    /// Markers older than this are from before the window.
    private let windowStartNs: UInt64
    /// The window's first sequence number.
    private let firstSeq: UInt64
    /// One flag per sequence number of the window: found in a history.
    private var seen: [Bool]
    /// Per lobby: pages received so far (nil: not audited).
    private var pages: [Int?]
    /// Per lobby: finished (no more pages, or failed).
    private var finished: [Bool]
    /// Per lobby: the `before` cursor of the request in flight.
    private var cursors: [Int64?]
    /// Retries due: lobby, when (ns).
    private var retries: [(lobby: Int, dueNs: UInt64)] = []

    /// Distinct window messages found.
    private(set) var persisted = 0
    /// Window messages found more than once.
    private(set) var duplicates = 0
    /// Messages in the histories without a marker of this window (other text, or an earlier run).
    private(set) var foreign = 0
    /// History pages received.
    private(set) var pagesReceived = 0
    /// Lobbies being audited.
    private(set) var lobbiesAudited = 0
    /// Lobbies audited to the end.
    private(set) var lobbiesDone = 0
    /// Lobbies whose audit failed (an error other than rate_limited, or an unreadable page).
    private(set) var lobbiesFailed = 0
    /// `rate_limited` answers retried.
    private(set) var retried = 0
    /// The first failure, described.
    private(set) var firstError = ""

    /// An audit of the `sent` messages numbered from `firstSeq`, sent from `windowStartNs` on.
    init(engine: LoadEngine, layout: LobbyLayout, firstSeq: UInt64, sent: Int, windowStartNs: UInt64) {
        self.engine = engine
        self.layout = layout
        self.firstSeq = firstSeq
        self.windowStartNs = windowStartNs
        seen = Array(repeating: false, count: sent)
        pages = Array(repeating: nil, count: layout.lobbies)
        finished = Array(repeating: true, count: layout.lobbies)
        cursors = Array(repeating: nil, count: layout.lobbies)
    }

    /// Every audited lobby is done or failed.
    var isComplete: Bool { lobbiesDone + lobbiesFailed == lobbiesAudited }

    /// Asks for the newest page of every lobby in `lobbies` (their hosts must be open).
    func start(_ lobbies: [Int]) {
        for lobby in lobbies {
            pages[lobby] = 0
            finished[lobby] = false
            lobbiesAudited += 1
            request(lobby, before: nil)
        }
        engine.flushDirty()
    }

    /// Sends the retries that are due (call every loop turn).
    func sendDueRetries(now: UInt64) {
        guard !retries.isEmpty else { return }
        var waiting: [(lobby: Int, dueNs: UInt64)] = []
        for retry in retries {
            if retry.dueNs <= now { request(retry.lobby, before: cursors[retry.lobby]) } else { waiting.append(retry) }
        }
        retries = waiting
        engine.flushDirty()
    }

    /// A `lobby:chat:history` page on connection `index`.
    func page(_ index: Int, _ message: ParsedServerMessage) {
        let lobby = layout.lobby(of: index)
        guard !finished[lobby], let received = pages[lobby] else { return }
        guard let messages = message.payload["messages"]?.arrayValue else {
            fail(lobby, "lobby \(lobby): history page without payload.messages")
            return
        }
        pages[lobby] = received + 1
        pagesReceived += 1
        var oldest: Int64?
        for stored in messages {
            if let id = stored["messageId"]?.int64Value { oldest = min(oldest ?? id, id) }
            count(stored["text"]?.stringValue ?? "")
        }
        if message.payload["hasMore"]?.boolValue == true, let oldest {
            request(lobby, before: oldest)
        } else {
            finished[lobby] = true
            lobbiesDone += 1
        }
    }

    /// A `system.error` answering a history request of connection `index`.
    func refused(_ index: Int, _ message: ParsedServerMessage) {
        let lobby = layout.lobby(of: index)
        guard !finished[lobby] else { return }
        if message.errorCode == "rate_limited" {
            retried += 1
            let waitNs = UInt64(max(1, message.retryAfterMs ?? 100)) * 1_000_000
            retries.append((lobby, lobby_monotonic_ns() &+ waitNs))
        } else {
            fail(lobby, "lobby \(lobby): lobby:chat:history \(message.errorCode): \(message.errorMessage)")
        }
    }

    /// Window messages not found.
    var missing: Int { seen.count - persisted }

    /// Counts the window's markers in one stored text.
    private func count(_ text: String) {
        var text = text
        var matched = false
        text.withUTF8 { bytes in
            Marker.scan(UnsafeRawBufferPointer(bytes)) { ns, seq in
                guard ns >= windowStartNs, seq >= firstSeq, seq - firstSeq < UInt64(seen.count) else { return }
                matched = true
                let slot = Int(seq - firstSeq)
                if seen[slot] {
                    duplicates += 1
                } else {
                    seen[slot] = true
                    persisted += 1
                }
            }
        }
        if !matched { foreign += 1 }
    }

    private func request(_ lobby: Int, before: Int64?) {
        let host = layout.connection(lobby: lobby, member: 0)
        guard engine.conns[host].state == .open else {
            fail(lobby, "lobby \(lobby): host connection closed before its history was read")
            return
        }
        cursors[lobby] = before
        let request = LobbyRequests.history(lobby: lobby, page: pages[lobby] ?? 0, before: before)
        request.withUnsafeBytes { engine.queueFrame(host, .text, $0) }
    }

    private func fail(_ lobby: Int, _ description: String) {
        finished[lobby] = true
        lobbiesFailed += 1
        if firstError.isEmpty { firstError = description }
    }
}
