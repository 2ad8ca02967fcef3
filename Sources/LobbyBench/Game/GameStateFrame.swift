/// The members of one `game:state` the bench uses, read by ``ByteScan`` in document order (`tick`, `ball`,
/// `paddles`, `lastSeq`, then the envelope's `timestamp`, which the server writes last): one pass over the ~250
/// bytes, no allocation. Members found out of order are still found (the search wraps), so only their presence is
/// required, not the order.
struct GameStateFrame: Equatable {
    /// How much of the frame to read.
    enum Depth {
        /// `tick` and `timestamp` (what a spectator's figures need).
        case tick
        /// Also the ball and `lastSeq` (a player aims and matches acknowledgements).
        case player
        /// Also the paddles (a player sending `direction` inputs needs its own paddle).
        case playerWithPaddles
    }

    /// The simulation tick the snapshot belongs to.
    var tick: UInt64 = 0
    /// The envelope's `timestamp` (ms since the epoch), 0 when absent.
    var timestampMs: UInt64 = 0
    /// Ball centre and velocity (units, units per tick).
    var ballX = 0.0
    /// Ball centre `y`.
    var ballY = 0.0
    /// Ball velocity along `x`.
    var ballVX = 0.0
    /// Ball velocity along `y`.
    var ballVY = 0.0
    /// Left paddle centre `y` (``Depth/playerWithPaddles`` only).
    var paddleLeft = 0.0
    /// Right paddle centre `y` (``Depth/playerWithPaddles`` only).
    var paddleRight = 0.0
    /// Highest input `seq` applied for the left player.
    var lastSeqLeft: UInt64 = 0
    /// Highest input `seq` applied for the right player.
    var lastSeqRight: UInt64 = 0

    /// Reads `bytes` (a whole `game:state` message); nil when a member this depth needs is missing or malformed.
    @inline(__always)
    static func scan(_ bytes: UnsafeRawBufferPointer, depth: Depth) -> GameStateFrame? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var frame = GameStateFrame()
        // Past `{"type":"game:state","payload":{`.
        var at = Swift.min(end, 32)
        guard let tickAt = ByteScan.value(after: #""tick":"#, in: base, hint: at, end: end),
            let (tick, afterTick) = ByteScan.unsigned(base, at: tickAt, end: end)
        else { return nil }
        frame.tick = tick
        at = afterTick
        if depth != .tick {
            guard let ball = ByteScan.object(#""ball":"#, in: base, hint: at, end: end),
                let x = member(#""x":"#, base, ball), let y = member(#""y":"#, base, ball),
                let vx = member(#""vx":"#, base, ball), let vy = member(#""vy":"#, base, ball)
            else { return nil }
            (frame.ballX, frame.ballY, frame.ballVX, frame.ballVY) = (x, y, vx, vy)
            at = ball.upperBound
            if depth == .playerWithPaddles {
                guard let paddles = ByteScan.object(#""paddles":"#, in: base, hint: at, end: end),
                    let left = member(#""left":"#, base, paddles), let right = member(#""right":"#, base, paddles)
                else { return nil }
                (frame.paddleLeft, frame.paddleRight) = (left, right)
                at = paddles.upperBound
            }
            guard let seqs = ByteScan.object(#""lastSeq":"#, in: base, hint: at, end: end),
                let left = counter(#""left":"#, base, seqs), let right = counter(#""right":"#, base, seqs)
            else { return nil }
            (frame.lastSeqLeft, frame.lastSeqRight) = (left, right)
            at = seqs.upperBound
        }
        // The envelope's last member: look in the tail first.
        let tail = Swift.max(at, end - 40)
        if let stampAt = ByteScan.value(after: #""timestamp":"#, in: base, hint: tail, end: end),
            let (stamp, _) = ByteScan.unsigned(base, at: stampAt, end: end)
        {
            frame.timestampMs = stamp
        }
        return frame
    }

    /// `lastSeq` of `side` (0 left, 1 right).
    @inline(__always)
    func lastSeq(side: UInt8) -> UInt64 { side == 0 ? lastSeqLeft : lastSeqRight }

    /// A number member inside the flat object at `range`.
    @inline(__always)
    private static func member(_ name: StaticString, _ base: UnsafeRawPointer, _ range: Range<Int>) -> Double? {
        guard let at = ByteScan.find(name, in: base, from: range.lowerBound, to: range.upperBound) else { return nil }
        return ByteScan.number(base, at: at + name.utf8CodeUnitCount, end: range.upperBound)?.value
    }

    /// A non-negative integer member inside the flat object at `range`.
    @inline(__always)
    private static func counter(_ name: StaticString, _ base: UnsafeRawPointer, _ range: Range<Int>) -> UInt64? {
        guard let at = ByteScan.find(name, in: base, from: range.lowerBound, to: range.upperBound) else { return nil }
        return ByteScan.unsigned(base, at: at + name.utf8CodeUnitCount, end: range.upperBound)?.value
    }
}
