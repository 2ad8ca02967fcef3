import CLinux
import Glibc

/// The measurement window: counters and histograms are reset at its start; states, inputs and games count inside
/// it; acknowledgements of its inputs still count for a short drain after it.
extension GameDriver {
    /// Opens a window of `seconds` from now.
    func startWindow(seconds: Double) {
        counters = GameWindowCounters()
        ackLatency.reset()
        stalenessPlayers.reset()
        stalenessSpectators.reset()
        realtimeOffsetNs = Self.realtimeNs() &- Int64(bitPattern: lobby_monotonic_ns())
        windowStartNs = lobby_monotonic_ns()
        windowEndNs = windowStartNs &+ UInt64(seconds * 1e9)
        lastRunningChangeNs = windowStartNs
        counters.runningMin = runningRooms
        measuring = true
        draining = false
    }

    /// Closes the window (at its end, or now if a signal cut it short); acknowledgements still count until
    /// ``finishDrain()``. Inputs stop.
    func endWindow() {
        let end = Swift.min(lobby_monotonic_ns(), windowEndNs)
        accumulateRunning(until: end)
        windowEndNs = end
        measuring = false
        draining = true
        sendingInputs = false
    }

    /// Ends the drain: inputs of the window still unacknowledged are counted as such (those older than the send
    /// ring too: they were sent before the ones in it).
    func finishDrain() {
        let ringSize = UInt64(Self.ringSize)
        for index in 0..<layout.connections where peers[index].isPlayer {
            let sent = peers[index].sentSeq
            let acked = peers[index].ackedSeq
            guard sent > acked else { continue }
            let first = Swift.max(acked + 1, sent >= ringSize ? sent - ringSize + 1 : 1)
            counters.inputsUnacked += Int(first - acked - 1)
            let ring = sendTimes + layout.playerSlot(index) * Self.ringSize
            for seq in first...sent {
                let sentNs = ring[Int(seq & (ringSize - 1))]
                if sentNs >= windowStartNs && sentNs <= windowEndNs { counters.inputsUnacked += 1 }
            }
        }
        draining = false
    }

    /// Length of the window (shorter than asked if a signal ended it).
    var windowSeconds: Double { Double(windowEndNs &- windowStartNs) / 1e9 }

    /// `game:state` frames due in the window: the time each room ran x the state rates its connections announced.
    var statesDue: Double {
        let playerRate = Double(playerStateRate > 0 ? playerStateRate : tickRate)
        let spectatorRate = spectatorStateRate > 0 ? Double(spectatorStateRate) : playerRate
        let perRoom = Double(GameLayout.players) * playerRate + Double(layout.spectators) * spectatorRate
        return counters.runningRoomNs / 1e9 * perRoom
    }

    /// Rooms running on average over the window.
    var averageRunning: Double { windowSeconds > 0 ? counters.runningRoomNs / 1e9 / windowSeconds : 0 }

    /// A room started or stopped running.
    func changeRunning(by delta: Int) {
        if measuring { accumulateRunning(until: Swift.min(lobby_monotonic_ns(), windowEndNs)) }
        runningRooms += delta
        if measuring { counters.runningMin = Swift.min(counters.runningMin, runningRooms) }
    }

    /// Adds running rooms x time since the last change to the window's integral.
    private func accumulateRunning(until end: UInt64) {
        guard end > lastRunningChangeNs else { return }
        counters.runningRoomNs += Double(runningRooms) * Double(end - lastRunningChangeNs)
        lastRunningChangeNs = end
    }

    /// CLOCK_REALTIME in ns.
    private static func realtimeNs() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
