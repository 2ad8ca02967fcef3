import CLinux

/// The players' inputs: every player in a game sends one `game:input` per period on its own phase of the
/// ``InputSchedule``, its `seq` one more than the last, aimed with the ball of the last snapshot it received.
/// Inputs are sent in batches: each pass sends those due within the next ``batchNs`` too, so the loop wakes up for
/// inputs at most ~1,000 times a second instead of once per input (and a burst of writes wakes the server once).
/// The frames of one pass are written at the end of the pass (one `write` per connection), right after they are
/// queued, so the send time recorded is the time the bytes leave.
extension GameDriver {
    /// Inputs due this soon are sent with the current batch (they leave up to this much early).
    static let batchNs: UInt64 = 1_000_000

    /// The engine's ``LoadEngine/onTurn`` hook: due `lobby:ready` retries and due inputs; lowers `wake` to the next
    /// batch's time.
    func turn(_ wake: inout UInt64) {
        let now = lobby_monotonic_ns()
        if !readyRetries.isEmpty { sendDueRetries(now: now) }
        guard sendingInputs else { return }
        var sent = false
        var budget = 50_000
        while let due = schedule.nextDueNs, due <= now &+ Self.batchNs, budget > 0 {
            budget -= 1
            let index = schedule.nextSender
            schedule.advance()
            let lag = now > due ? now - due : 0
            if lag > 1_000_000_000 {
                // Far behind (a stall): start over from now instead of firing a burst.
                schedule.restart(at: now)
                if measuring { counters.scheduleResets += 1 }
            }
            guard peers[index].inGame, engine.conns[index].state == .open else { continue }
            if measuring && now <= windowEndNs {
                if lag > counters.inputLagMaxNs { counters.inputLagMaxNs = lag }
                if lag > 1_000_000 { counters.inputsLate1ms &+= 1 }
                counters.inputsSent &+= 1
            }
            sendInput(index, now: now)
            sent = true
        }
        if sent { engine.flushDirty() }
        if let due = schedule.nextDueNs, due &- Self.batchNs < wake { wake = due &- Self.batchNs }
    }

    /// Queues player `index`'s next input: `{"type":"game:input","payload":{"gameId":"…","seq":N,"target":Y}}`
    /// (or `"direction"`), composed in a stack buffer.
    @inline(__always)
    func sendInput(_ index: Int, now: UInt64) {
        let peer = peers + index
        peer.pointee.sentSeq &+= 1
        let seq = peer.pointee.sentSeq
        let slot = layout.playerSlot(index)
        sendTimes[slot * Self.ringSize + Int(seq & UInt64(Self.ringSize - 1))] = now
        let goal = aim.target(
            side: peer.pointee.side, x: peer.pointee.ballX, y: peer.pointee.ballY, vx: peer.pointee.ballVX,
            vy: peer.pointee.ballVY, field: field, flip: (seq / 120) & 1 == 1)
        let paddle = peer.pointee.paddle
        inputPrefixes[slot].withUnsafeBytes { prefix in
            guard let prefixBase = prefix.baseAddress else { return }
            withUnsafeTemporaryAllocation(byteCount: prefix.count + 64, alignment: 8) { buffer in
                let base = buffer.baseAddress!
                base.copyMemory(from: prefixBase, byteCount: prefix.count)
                var at = prefix.count
                at += Marker.writeDecimal(base + at, seq)
                switch style {
                case .target:
                    at += Self.put(#","target":"#, base + at)
                    let clamped = Swift.min(Swift.max(goal.isFinite ? goal : 0, 0), field.height)
                    at += Marker.writeDecimal(base + at, UInt64(clamped.rounded()))
                case .direction:
                    at += Self.put(Self.direction(goal: goal, paddle: paddle), base + at)
                }
                at += Self.put("}}", base + at)
                engine.queueFrame(index, .text, UnsafeRawBufferPointer(start: base, count: at))
            }
        }
    }

    /// The `direction` member that moves a paddle at `paddle` towards `goal` (y grows downwards: up is smaller y).
    @inline(__always)
    static func direction(goal: Double, paddle: Double) -> StaticString {
        if goal < paddle - 4 { return #","direction":"up""# }
        if goal > paddle + 4 { return #","direction":"down""# }
        return #","direction":"stop""#
    }

    /// Copies `text` to `dst`; returns its length.
    @inline(__always)
    private static func put(_ text: StaticString, _ dst: UnsafeMutableRawPointer) -> Int {
        dst.copyMemory(from: text.utf8Start, byteCount: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }
}
