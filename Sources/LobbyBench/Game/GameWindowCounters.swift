/// The game scenario's counters of one measurement window (states and inputs inside it; acknowledgements of its
/// inputs also during the short drain after it).
struct GameWindowCounters {
    /// `game:state` frames received by player connections.
    var statesPlayers = 0
    /// `game:state` frames received by spectator connections.
    var statesSpectators = 0
    /// Consecutive snapshots of a player more than one state step apart.
    var gapsPlayers = 0
    /// Ticks missing between those snapshots (the sum of each gap minus the step).
    var ticksMissedPlayers: UInt64 = 0
    /// The same for spectators.
    var gapsSpectators = 0
    /// Ticks missing between spectators' snapshots.
    var ticksMissedSpectators: UInt64 = 0
    /// Snapshots whose tick did not advance (a repeat, e.g. the full state after `game:start`, or going back).
    var ticksNotAdvancing = 0
    /// Inputs sent.
    var inputsSent = 0
    /// Inputs acknowledged (a snapshot's `lastSeq` reached them) and timed.
    var inputsAcked = 0
    /// Inputs acknowledged after 64 newer ones were sent (their send time was overwritten: not timed).
    var inputsUntracked = 0
    /// Inputs never acknowledged before their game ended.
    var inputsUnacked = 0
    /// A `lastSeq` above the highest seq sent (should never happen).
    var acksAhead = 0
    /// Inputs that left more than 1 ms after their scheduled time.
    var inputsLate1ms = 0
    /// The furthest an input fell behind its schedule (ns).
    var inputLagMaxNs: UInt64 = 0
    /// The schedule fell more than 1 s behind and restarted.
    var scheduleResets = 0
    /// Errors received (`system.error`).
    var errors = 0
    /// Games started (rematches) inside the window.
    var gamesStarted = 0
    /// Games ended inside the window, by `reason`.
    var gamesEnded: [String: Int] = [:]
    /// `game:pause` received (a player's connection dropped).
    var pauses = 0
    /// Integral of running rooms over the window (room-ns), for the states due.
    var runningRoomNs: Double = 0
    /// Fewest rooms running at once during the window.
    var runningMin = Int.max
}
