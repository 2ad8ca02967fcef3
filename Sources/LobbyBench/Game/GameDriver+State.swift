/// The hot path: one `game:state` on one connection (about 500,000 a second at the target load). The frame is
/// scanned, not parsed (``GameStateFrame``); the figures are a few additions and at most two histogram entries.
extension GameDriver {
    /// Counts the snapshot, checks that its tick follows the previous one, measures its staleness; for a player
    /// also keeps the ball (for aiming) and times the inputs its `lastSeq` acknowledges.
    @inline(__always)
    func state(_ index: Int, _ payload: UnsafeRawBufferPointer) {
        let peer = peers + index
        let player = peer.pointee.isPlayer
        guard let frame = GameStateFrame.scan(payload, depth: player ? depth : .tick) else {
            malformedStates &+= 1
            return
        }
        guard peer.pointee.inGame else {
            statesOutsideGame &+= 1
            return
        }
        let now = engine.now
        let counting = measuring && now <= windowEndNs
        if counting { count(peer, frame, player: player, now: now) }
        peer.pointee.hasTick = true
        peer.pointee.lastTick = frame.tick
        guard player else { return }
        peer.pointee.ballX = frame.ballX
        peer.pointee.ballY = frame.ballY
        peer.pointee.ballVX = frame.ballVX
        peer.pointee.ballVY = frame.ballVY
        if depth == .playerWithPaddles {
            peer.pointee.paddle = peer.pointee.side == 0 ? frame.paddleLeft : frame.paddleRight
        }
        acknowledge(index, upTo: frame.lastSeq(side: peer.pointee.side), now: now)
    }

    /// The window's figures of one snapshot: deliveries, tick continuity, staleness.
    @inline(__always)
    private func count(_ peer: UnsafeMutablePointer<GamePeer>, _ frame: GameStateFrame, player: Bool, now: UInt64) {
        if player { counters.statesPlayers &+= 1 } else { counters.statesSpectators &+= 1 }
        if peer.pointee.hasTick {
            let last = peer.pointee.lastTick
            let step = peer.pointee.tickStep
            if frame.tick <= last {
                counters.ticksNotAdvancing &+= 1
            } else if frame.tick - last > step {
                let missed = frame.tick - last - step
                if player {
                    counters.gapsPlayers &+= 1
                    counters.ticksMissedPlayers &+= missed
                } else {
                    counters.gapsSpectators &+= 1
                    counters.ticksMissedSpectators &+= missed
                }
            }
        }
        guard frame.timestampMs > 0 else { return }
        // ms resolution: the server's `timestamp` is whole milliseconds, so this reads up to 1 ms high.
        let wallNs = Int64(bitPattern: now) &+ realtimeOffsetNs
        let staleNs = wallNs &- Int64(bitPattern: frame.timestampMs &* 1_000_000)
        let value = UInt64(Swift.max(0, staleNs))
        if player { stalenessPlayers.add(value) } else { stalenessSpectators.add(value) }
    }

    /// A snapshot says inputs up to `upTo` were applied: each one not acknowledged before is timed (send ->
    /// this receive) if it was sent inside the window and its send time is still in the ring.
    @inline(__always)
    private func acknowledge(_ index: Int, upTo reported: UInt64, now: UInt64) {
        let peer = peers + index
        let acked = peer.pointee.ackedSeq
        guard reported > acked else { return }
        let sent = peer.pointee.sentSeq
        var upTo = reported
        if upTo > sent {
            if measuring || draining { counters.acksAhead &+= 1 }
            upTo = sent
        }
        peer.pointee.ackedSeq = upTo
        guard (measuring || draining) && upTo > acked else { return }
        let ringSize = UInt64(Self.ringSize)
        // Send times older than ringSize inputs have been overwritten.
        let oldestKept = sent >= ringSize ? sent - ringSize + 1 : 1
        let first = Swift.max(acked + 1, oldestKept)
        if first > acked + 1 { counters.inputsUntracked &+= Int(Swift.min(upTo, first - 1) - acked) }
        guard first <= upTo else { return }
        let ring = sendTimes + layout.playerSlot(index) * Self.ringSize
        for seq in first...upTo {
            let sentNs = ring[Int(seq & (ringSize - 1))]
            // Timed only if sent inside the window (what `inputsSent` counts), so acked <= sent.
            guard sentNs >= windowStartNs, sentNs <= windowEndNs, sentNs <= now else { continue }
            ackLatency.add(now - sentNs)
            counters.inputsAcked &+= 1
        }
    }
}
