import CLinux
import Dispatch
import Foundation
import GameEvents
import Persistence
import Synchronization

/// A thread that owns some game rooms and ticks them all on one fixed-step schedule (GAME_TICK_RATE). Rooms are
/// pinned to a shard by their id (``GameShardIndex``), so a loop routes `game:input` straight here.
///
/// Nothing posted here wakes the thread: commands (inputs from the loops, room changes from the hub, storage
/// completions) wait in a queue and are applied at the start of the next tick, which is when the simulation
/// would use them anyway. Only an idle shard (no rooms) sleeps until a command arrives. Each tick: sleep until
/// the deadline (absolute, so the period never drifts), apply the commands, tick every room, flush the frames
/// they produced to the loops (one inbox post per loop), and record lateness and duration.
final class GameShard: @unchecked Sendable {
    /// Position among the shards (what ``GameShardIndex`` computes).
    let index: Int
    let settings: GameSettings
    let outbox: Outbox
    let writer: PersistenceWriter
    /// Where scores and ended games are reported (the hub); set once before `start`.
    weak var hub: Hub?
    /// Counters and histograms, published for `/metrics` every second of ticks.
    let published = Mutex(TickStats())
    /// Rooms live now (gauge, read by `/metrics`).
    let roomCount = Atomic<Int>(0)
    /// `game:state` frames encoded and queued (counters, read by `/metrics`).
    let stateFrames = Atomic<Int>(0)
    let stateDeliveries = Atomic<Int>(0)
    /// Times the shard left real-time priority because it ran behind (counter, read by `/metrics`).
    let stepDowns = Atomic<Int>(0)

    private let queue = Mutex<[GameCommand]>([])
    private let idle = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    // Thread-owned state below.
    var rooms: [GameID: LiveRoom] = [:]
    var replays: [ConnectionRef: ReplayRoom] = [:]
    private var stats = TickStats()
    /// `game:state` frames encoded and deliveries queued during the current tick (added to the atomics after it).
    var tickCounts = (frames: 0, deliveries: 0)
    private var ticksSincePublish = 0

    init(index: Int, settings: GameSettings, fanout: Fanout, writer: PersistenceWriter) {
        self.index = index
        self.settings = settings
        self.outbox = Outbox(fanout: fanout)
        self.writer = writer
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Queues `command` for the next tick (any thread). Wakes the thread only if it sleeps for lack of rooms.
    func post(_ command: GameCommand) {
        queue.withLock { $0.append(command) }
        if idle.exchange(false, ordering: .acquiringAndReleasing) { wake.signal() }
    }

    /// Asks the thread to finish its current tick and stop; waits up to `timeoutMs`.
    func stop(timeoutMs: Int) -> Bool {
        stopRequested.store(true, ordering: .releasing)
        if idle.exchange(false, ordering: .acquiringAndReleasing) { wake.signal() }
        return finished.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    // MARK: The tick loop

    private func run() {
        lobby_set_thread_name("lobby-game-\(index)")
        var governor = PriorityGovernor(raised: raisePriority())
        var schedule = TickSchedule(ticksPerSecond: settings.tickRate, startNs: MonotonicClock.now())
        while !stopRequested.load(ordering: .acquiring) {
            if rooms.isEmpty && replays.isEmpty && sleepWhileIdle() {
                schedule = TickSchedule(ticksPerSecond: settings.tickRate, startNs: MonotonicClock.now())
            }
            _ = lobby_sleep_until_ns(schedule.nextDeadline)
            let start = MonotonicClock.now()
            let tick = schedule.begin(now: start)
            applyCommands()
            tickRooms()
            outbox.flush()
            stats.record(tick, durationNs: schedule.finish(now: MonotonicClock.now()))
            publishIfDue()
            if settings.priority == .realtime { adjustPriority(governor.observe(ticksBehind: tick.ticksBehind)) }
        }
        applyCommands()
        abandonAllForShutdown()
        outbox.flush()
        finished.signal()
    }

    /// Applies GAME_THREAD_PRIORITY to this thread so a tick is not queued behind socket work; true if the
    /// real-time class was granted.
    private func raisePriority() -> Bool {
        switch settings.priority {
        case .realtime:
            let fifo = lobby_set_thread_fifo(1)
            if fifo == 0 {
                Log.info("game shard runs real-time", ["shard": index, "policy": "SCHED_FIFO", "priority": 1])
                return true
            }
            let nice = lobby_set_thread_nice(-10)
            Log.notice("game shard cannot run real-time; using nice instead", ["shard": index, "errno": fifo, "nice": nice == 0 ? -10 : 0])
            return false
        case .nice:
            if lobby_set_thread_nice(-10) != 0 { Log.notice("game shard cannot lower its nice value", ["shard": index]) }
            return false
        case .normal:
            return false
        }
    }

    /// Steps the thread out of the real-time class while it runs behind (so it cannot starve the loops on its
    /// CPU), and back once it keeps time again.
    private func adjustPriority(_ decision: PriorityGovernor.Decision) {
        switch decision {
        case .stay:
            return
        case .stepDown:
            _ = lobby_set_thread_other()
            _ = lobby_set_thread_nice(-10)
            stepDowns.add(1, ordering: .relaxed)
            Log.warning("game shard is behind its schedule: leaving real-time priority", ["shard": index, "rooms": rooms.count])
        case .stepUp:
            if lobby_set_thread_fifo(1) == 0 { Log.info("game shard keeps time again: real-time priority back", ["shard": index]) }
        }
    }

    /// Blocks while there is nothing to run; true if it slept (the schedule restarts from now).
    private func sleepWhileIdle() -> Bool {
        idle.store(true, ordering: .releasing)
        if !queue.withLock({ $0.isEmpty }) || stopRequested.load(ordering: .acquiring) {
            if !idle.exchange(false, ordering: .acquiringAndReleasing) { wake.wait() }  // a poster signalled meanwhile
            return false
        }
        publishIfDue(force: true)
        while wake.wait(timeout: .now() + .seconds(1)) == .timedOut {
            if stopRequested.load(ordering: .acquiring) { break }
        }
        idle.store(false, ordering: .releasing)
        return true
    }

    private func applyCommands() {
        let commands = queue.withLock { list -> [GameCommand] in
            let taken = list
            list.removeAll(keepingCapacity: true)
            return taken
        }
        for command in commands { apply(command) }
    }

    private func publishIfDue(force: Bool = false) {
        ticksSincePublish += 1
        guard force || ticksSincePublish >= settings.tickRate else { return }
        ticksSincePublish = 0
        let snapshot = stats
        published.withLock { $0 = snapshot }
        roomCount.store(rooms.count, ordering: .relaxed)
    }
}
