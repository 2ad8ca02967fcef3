/// The game scenario's figures: collected as the run goes, printed at the end as a human summary (stderr) and one
/// JSON line (stdout).
struct GameReport {
    /// The shared options (URL, server probe, quiet).
    let common: CommonOptions
    /// Rooms x (players + spectators).
    let layout: GameLayout
    /// Inputs per second per player.
    let rate: Double
    /// `settings.pointsToWin`.
    let pointsToWin: Int
    /// How players aim.
    let aim: Aim
    /// Target or direction inputs.
    let style: InputStyle
    /// Server VmRSS before connecting, KiB.
    var rssBefore: Int?
    /// Server VmRSS once the rooms ran and warmed up, KiB.
    var rssAfterSetup: Int?
    /// Seconds to open every connection.
    var connectSeconds = 0.0
    /// Seconds from the first connection to every room running (rooms set up while connections still open).
    var setupSeconds = 0.0
    /// Rooms running when the setup ended.
    var roomsRunning = 0
    /// The window was measured.
    var windowRan = false
    /// CPU and memory over the window.
    var resources: ResourceFigures?
    /// The server's figures from `/metrics` (nil without both scrapes).
    var server: ServerGameFigures?
    /// Why there are no server figures.
    var metricsError = ""

    /// Prints both forms of the report.
    func finish(engine: LoadEngine, driver: GameDriver) {
        if !common.quiet { Console.error(summary(engine.counters, driver)) }
        Console.output(json(engine.counters, driver).text)
    }

    private func json(_ counters: ConnectionCounters, _ driver: GameDriver) -> JSONObject {
        let window = driver.counters
        let seconds = windowRan ? driver.windowSeconds : 0
        /// Per second of the window.
        func perSecond(_ value: Int) -> Double { seconds > 0 ? Double(value) / seconds : 0 }
        var json = JSONObject()
        json.add("tool", "lobby-bench")
        json.add("scenario", "game")
        json.add("url", "ws://\(common.target.hostHeader)\(common.target.pathTemplate)")
        json.add("rooms", layout.rooms)
        json.add("spectators", layout.spectators)
        json.add("conns", layout.connections)
        json.add("rate", rate)
        json.add("duration_s", seconds, decimals: 3)
        json.add("aim", aim.rawValue)
        json.add("input", style.rawValue)
        json.add("points_to_win", pointsToWin)
        json.add("connect_s", connectSeconds)
        json.add("setup_s", setupSeconds, decimals: 3)
        json.add("rooms_running", roomsRunning)
        json.add("rooms_failed", driver.failedRooms)
        json.add("rooms_running_avg", driver.averageRunning)
        json.add("rooms_running_min", windowRan && window.runningMin != .max ? window.runningMin : 0)
        json.add("setup_errors", Self.object(driver.setupErrors))
        json.add("first_setup_err", driver.firstSetupError)
        json.add("tick_rate", driver.tickRate)
        json.add("state_rate_players", driver.playerStateRate)
        json.add("state_rate_spectators", driver.spectatorStateRate)
        let states = window.statesPlayers + window.statesSpectators
        json.add("states_players", window.statesPlayers)
        json.add("states_spectators", window.statesSpectators)
        json.add("states_per_s", perSecond(states))
        json.add("states_players_per_s", perSecond(window.statesPlayers))
        json.add("states_spectators_per_s", perSecond(window.statesSpectators))
        json.add("states_due", Int(driver.statesDue.rounded()))
        json.add("states_share", driver.statesDue > 0 ? Double(states) / driver.statesDue : 0, decimals: 4)
        json.add("tick_gaps_players", window.gapsPlayers)
        json.add("ticks_missed_players", Int(window.ticksMissedPlayers))
        json.add("tick_gaps_spectators", window.gapsSpectators)
        json.add("ticks_missed_spectators", Int(window.ticksMissedSpectators))
        json.add("ticks_not_advancing", window.ticksNotAdvancing)
        json.add("inputs_sent", window.inputsSent)
        json.add("inputs_per_s", perSecond(window.inputsSent))
        json.add("inputs_acked", window.inputsAcked)
        json.add("inputs_unacked", window.inputsUnacked)
        json.add("inputs_untracked", window.inputsUntracked)
        json.add("acks_ahead", window.acksAhead)
        json.add("inputs_late_1ms", window.inputsLate1ms)
        json.add("input_lag_max_us", Double(window.inputLagMaxNs) / 1000)
        json.add("schedule_resets", window.scheduleResets)
        json.add("ack_lat_us", Figures.latency(driver.ackLatency.summary))
        var staleness = JSONObject()
        staleness.add("players", Self.millis(driver.stalenessPlayers))
        staleness.add("spectators", Self.millis(driver.stalenessSpectators))
        json.add("staleness_ms", staleness)
        json.add("games_started", window.gamesStarted)
        json.add("games_ended", Self.object(window.gamesEnded))
        json.add("games_started_total", driver.gamesStartedTotal)
        json.add("games_ended_total", Self.object(driver.gamesEndedTotal))
        json.add("pauses", window.pauses)
        json.add("errors", Self.object(driver.errors))
        json.add("errors_in_window", window.errors)
        json.add("first_err", driver.firstError)
        json.add("ready_retries", driver.readyRetried)
        json.add("unreadable", driver.unreadable)
        json.add("malformed_states", driver.malformedStates)
        json.add("states_outside_game", driver.statesOutsideGame)
        if let resources { Figures.addResources(resources, to: &json) }
        if let server { json.add("server_metrics", server.json) } else { json.add("server_metrics", nil as Int?) }
        json.add("metrics_err", metricsError)
        Figures.addConnections(counters, to: &json)
        common.addServer(
            to: &json, before: rssBefore, afterConnect: rssAfterSetup, end: resources?.serverRSSKB,
            cpu: resources?.serverCPUPercent)
        return json
    }

    private func summary(_ counters: ConnectionCounters, _ driver: GameDriver) -> String {
        var lines = [
            "",
            "lobby-bench game  ws://\(common.target.hostHeader)\(common.target.pathTemplate)",
            "  connections  \(counters.opened) ok, \(counters.failed) failed (connect \(counters.failConnect), "
                + "handshake \(counters.failHandshake), timeout \(counters.failTimeout)) in "
                + "\(Figures.hundredths(connectSeconds)) s",
            "  rooms        \(roomsRunning) of \(layout.rooms) running (2 players + \(layout.spectators) spectators "
                + "each, first to \(pointsToWin)) \(Figures.hundredths(setupSeconds)) s after the first connect"
                + Self.errorText(driver.setupErrors, driver.firstSetupError),
        ]
        if windowRan { lines += windowLines(driver) }
        if let server {
            lines += Self.serverLines(server)
        } else if windowRan && !metricsError.isEmpty {
            lines.append("  server       no /metrics figures: \(metricsError)")
        }
        lines += Figures.problemLines(counters)
        if let resources { lines.append(Figures.cpuLine(resources)) }
        if let probe = common.server {
            lines.append(
                "  server pid \(probe.pid)  VmRSS KiB before \(rssBefore ?? -1), rooms running "
                    + "\(rssAfterSetup ?? -1), at end \(resources?.serverRSSKB ?? -1)")
        }
        return lines.joined(separator: "\n")
    }

    /// The client-side lines of the window.
    private func windowLines(_ driver: GameDriver) -> [String] {
        let window = driver.counters
        let seconds = driver.windowSeconds
        let states = Double(window.statesPlayers + window.statesSpectators)
        let share = driver.statesDue > 0 ? states / driver.statesDue * 100 : 0
        /// Per second of the window, grouped.
        func perSecond(_ value: Double) -> String { Figures.grouped(seconds > 0 ? value / seconds : 0) }
        let ended = window.gamesEnded.values.reduce(0, +)
        return [
            "  window       \(Figures.decimal(seconds)) s; players send \(Figures.decimal(self.rate)) inputs/s "
                + "(\(style.rawValue), \(aim.rawValue)); rooms running avg \(Figures.decimal(driver.averageRunning)), "
                + "min \(window.runningMin == .max ? 0 : window.runningMin); tick rate \(driver.tickRate), "
                + "state rate \(driver.playerStateRate)/\(driver.spectatorStateRate) (players/spectators)",
            "  states       \(perSecond(states))/s received (players "
                + "\(perSecond(Double(window.statesPlayers)))/s, spectators "
                + "\(perSecond(Double(window.statesSpectators)))/s) = \(Figures.decimal(share)) % of "
                + "\(perSecond(driver.statesDue))/s due",
            "  tick gaps    players \(window.gapsPlayers) (\(window.ticksMissedPlayers) ticks missed), spectators "
                + "\(window.gapsSpectators) (\(window.ticksMissedSpectators)); not advancing "
                + "\(window.ticksNotAdvancing)",
            "  inputs       \(perSecond(Double(window.inputsSent)))/s sent, \(window.inputsAcked) timed, "
                + "\(window.inputsUnacked) never acknowledged, \(window.inputsUntracked) untracked; "
                + "\(window.inputsLate1ms) sent > 1 ms late (max lag "
                + "\(Figures.decimal(Double(window.inputLagMaxNs) / 1000)) us)",
            "  input->ack us " + Figures.latencyLine(driver.ackLatency.summary),
            "  staleness ms players " + Self.millisLine(driver.stalenessPlayers) + "; spectators "
                + Self.millisLine(driver.stalenessSpectators) + "  (state timestamp to receipt, ms resolution)",
            "  games        \(window.gamesStarted) started, \(ended) ended in the window"
                + (ended > 0 ? " (" + Self.list(window.gamesEnded) + ")" : "") + "; \(window.pauses) pauses",
            "  errors       "
                + (driver.errors.isEmpty ? "none" : Self.list(driver.errors) + " (first: \(driver.firstError))")
                + (driver.malformedStates + driver.unreadable > 0
                    ? "; unreadable \(driver.unreadable), malformed states \(driver.malformedStates)" : ""),
        ]
    }

    /// The server's lines, from `/metrics`.
    private static func serverLines(_ server: ServerGameFigures) -> [String] {
        /// Seconds as ms with `digits` decimals, or n/a.
        func ms(_ value: Double?, _ digits: Int = 3) -> String {
            guard let value else { return "n/a" }
            return value.isFinite ? String(format: "%.\(digits)f", value * 1000) : "+Inf"
        }
        /// A count, or n/a.
        func count(_ value: Double?) -> String { value.map { Figures.grouped($0) } ?? "n/a" }
        let lateness = server.lateness
        let share = lateness?.share(atMost: 0.001).map { String(format: "%.3f %%", $0 * 100) } ?? "n/a"
        let drift = server.periodDriftPPM.map { String(format: "%+.1f ppm", $0) } ?? "n/a"
        return [
            "  server       \(count(server.rooms)) rooms on \(count(server.shards)) shards at "
                + "\(count(server.tickRate)) ticks/s; ticks \(count(server.ticks)) of \(count(server.ticksDue)) due in "
                + "the \(server.coveredSeconds.map { Figures.decimal($0) } ?? "n/a") s the figures cover, late "
                + "\(count(server.lateTicks)), skipped \(count(server.skippedTicks))",
            "  tick late ms p50 \(ms(lateness?.quantile(0.5))) p99 \(ms(lateness?.quantile(0.99))) (bucket <= "
                + "\(ms(lateness?.quantileBound(0.99)))) p99.9 \(ms(lateness?.quantile(0.999))), highest bucket <= "
                + "\(ms(lateness?.maxBound)); <= 1 ms: \(share)",
            "  tick run ms  p50 \(ms(server.duration?.quantile(0.5))) p99 \(ms(server.duration?.quantile(0.99))) "
                + "(bucket <= \(ms(server.duration?.quantileBound(0.99)))), highest bucket <= "
                + "\(ms(server.duration?.maxBound)); mean period \(ms(server.meanPeriod, 4)) ms vs "
                + "\(ms(server.nominalPeriod, 4)) (\(drift))",
            "  server out   \(count(server.stateFramesPerSecond)) state frames/s, "
                + "\(count(server.stateDeliveriesPerSecond)) deliveries/s; snapshots dropped "
                + "\(count(server.snapshotsDropped)), stall closes \(count(server.stallCloses)); CPU "
                + "\(server.cpuPercent.map { "\(Int($0.rounded())) %" } ?? "n/a"), RSS "
                + "\(server.residentBytes.map { Figures.grouped($0 / 1024) + " KiB" } ?? "n/a")",
        ]
    }

    /// p50/p99/max of a histogram of ns, in ms.
    private static func millis(_ histogram: LatencyHistogram) -> JSONObject {
        var json = JSONObject()
        json.add("count", Int(histogram.count))
        json.add("p50", histogram.quantile(0.5) / 1e6, decimals: 3)
        json.add("p99", histogram.quantile(0.99) / 1e6, decimals: 3)
        json.add("max", Double(histogram.max) / 1e6, decimals: 3)
        return json
    }

    /// `p50 X p99 Y max Z` in ms.
    private static func millisLine(_ histogram: LatencyHistogram) -> String {
        guard histogram.count > 0 else { return "n/a" }
        return "p50 \(Figures.hundredths(histogram.quantile(0.5) / 1e6)) p99 "
            + "\(Figures.hundredths(histogram.quantile(0.99) / 1e6)) max "
            + Figures.hundredths(Double(histogram.max) / 1e6)
    }

    /// Counts by key as a JSON object, keys sorted.
    private static func object(_ counts: [String: Int]) -> JSONObject {
        var object = JSONObject()
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) { object.add(key, count) }
        return object
    }

    /// `key n, key n` sorted by key.
    private static func list(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// `; errors: code n, ... (first: ...)`, or "" when there were none.
    private static func errorText(_ counts: [String: Int], _ first: String) -> String {
        counts.isEmpty ? "" : "; errors: \(list(counts)) (first: \(first))"
    }
}
