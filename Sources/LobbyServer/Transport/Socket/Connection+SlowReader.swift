import CLinux

/// Slow readers: latest-snapshot-only delivery of game state, the send-stall close, and the 1008 close shared by
/// the stall and high-water policies.
///
/// Game state is a stream where each snapshot supersedes the last, so a connection keeps at most one snapshot
/// that has not started going out: a newer one replaces it (counted in `snapshotsDropped`), while every other
/// frame (chat, control events) keeps its place and is never dropped. A snapshot of which some bytes are already
/// in the kernel (or in the TLS session) is never touched, so the byte stream stays parseable. Snapshots keep
/// their order with the frames around them: the replacement goes where the replaced one was when nothing was
/// queued after it, else at the end (after the frames queued since, which came later than the replaced one).
///
/// Since a slow reader then holds at most one snapshot, what bounds it is time, not bytes: a connection whose
/// output waits and that accepts no byte for SEND_STALL_TIMEOUT_MS is closed with 1008 (`stallCloses`).
extension Connection {
    /// Queues `frame`, an encoded text or binary message shared by its recipients (as with `sendMessage`, a
    /// permessage-deflate connection gets the frame's compressed twin), replacing this connection's unsent
    /// snapshot if it has one. Never counts toward the high-water close.
    ///
    /// The twin is made when the snapshot is about to be written (`deflatePendingSnapshot`, at the start of the
    /// flush), not here: a snapshot replaced before that costs no compression.
    func sendSnapshot(_ frame: SharedFrame) {
        guard !sendClosed, isAlive else { return }
        if pendingSnapshot >= 0 {
            assert(pendingSnapshot > outHead || (pendingSnapshot == outHead && outOffset == 0))
            loop.server.stats.snapshotsDropped.add(1)
            outBytes -= pendingSnapshotBytes
            if pendingSnapshot == out.count - 1 {
                out[pendingSnapshot] = frame
            } else {
                // Only the frames queued since the replaced snapshot move, so each frame moves at most once.
                out.remove(at: pendingSnapshot)
                out.append(frame)
                pendingSnapshot = out.count - 1
            }
        } else {
            out.append(frame)
            pendingSnapshot = out.count - 1
        }
        pendingSnapshotBytes = frame.count
        pendingSnapshotDeflate = deflateWindowBits != 0
        outBytes += frame.count
        if !isDirty {
            isDirty = true
            loop.markDirty(self)
        }
    }

    /// Swaps the pending snapshot for its permessage-deflate twin (made once per frame for every connection
    /// with the same window, see SharedFrame+Deflate.swift). Called by `flush` before anything is written.
    func deflatePendingSnapshot() {
        pendingSnapshotDeflate = false
        let frame = out[pendingSnapshot].deflated(codec: loop.deflate.codec, windowBits: Int(deflateWindowBits))
        outBytes += frame.count - pendingSnapshotBytes
        pendingSnapshotBytes = frame.count
        out[pendingSnapshot] = frame
    }

    /// After a flush that left output waiting: forgets the pending snapshot if writing it has begun (from then
    /// on it is an ordinary frame that must go out whole).
    func settlePendingSnapshot() {
        if pendingSnapshot < outHead || (pendingSnapshot == outHead && outOffset > 0) { forgetPendingSnapshot() }
    }

    /// No queued snapshot is replaceable any more (it was written, or the queue was dropped).
    @inline(__always) func forgetPendingSnapshot() {
        pendingSnapshot = -1
        pendingSnapshotBytes = 0
        pendingSnapshotDeflate = false
    }

    /// The send-stall policy, run by the sweep while a WebSocket's output waits for the socket: true when the
    /// connection was closed for making no progress for SEND_STALL_TIMEOUT_MS.
    ///
    /// Our own writes stamp `lastProgressAt`, but the kernel reports a socket writable only once a large share
    /// of its send buffer is free, so a reader slowly draining a big buffer would look stalled between two
    /// writes. The kernel's send queue shrinking since the last sweep (the peer acknowledged bytes) counts as
    /// progress too: one ioctl per waiting connection per sweep.
    func closeIfSendStalled(now: UInt64) -> Bool {
        let queued = Int(lobby_socket_outq(fd))
        if queued >= 0 {
            if kernelQueued >= 0 && queued < kernelQueued { lastProgressAt = now }
            kernelQueued = queued
        }
        let limit = loop.server.config.sendStallTimeoutMs
        guard now &- lastProgressAt >= MonotonicClock.ns(ms: limit) else { return false }
        loop.server.stats.stallCloses.add(1)
        Log.info("send stalled: closing", ["peer": peer, "queued": outBytes, "stallTimeoutMs": limit])
        // It cannot read this close either; the close timeout then drops the connection.
        closeSlowReader(reason: "send stalled")
        if !isDirty {
            isDirty = true
            loop.markDirty(self)
        }
        return true
    }

    /// The slow-reader policy: drop what is queued (keeping a partly written frame so the stream stays
    /// parseable), queue close 1008 with `reason`, stop sending anything else, and give the peer
    /// CLOSE_TIMEOUT_MS to read it.
    func closeSlowReader(reason: String) {
        let keep = outOffset > 0 ? outHead + 1 : outHead
        var kept = Array(out[outHead..<keep])
        kept.append(.close(.policyViolation, reason: reason))
        out = kept
        outHead = 0
        outBytes = kept.reduce(0) { $0 + $1.count } - outOffset
        forgetPendingSnapshot()
        sendClosed = true
        closeCode = .policyViolation
        if state == .open { state = .closeSent }
        shutdownAfterFlush = true
        deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
    }
}
