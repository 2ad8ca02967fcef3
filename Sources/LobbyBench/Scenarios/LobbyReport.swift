/// The lobby scenario's figures: collected as the run goes, printed at the end as a human summary (stderr) and
/// one JSON line (stdout).
struct LobbyReport {
    /// The shared options (URL, server probe, quiet).
    let common: CommonOptions
    /// Lobbies x members.
    let layout: LobbyLayout
    /// Messages per second per player.
    let rate: Double
    /// Server VmRSS before connecting, KiB.
    var rssBefore: Int?
    /// Server VmRSS once the lobbies were filled, KiB.
    var rssAfterSetup: Int?
    /// Seconds to open every connection.
    var connectSeconds = 0.0
    /// Seconds from the last connection to the last lobby filled.
    var setupSeconds = 0.0
    /// The chat window (nil when no lobby was ready).
    var window: WindowResult?
    /// The history audit (nil when there was no window).
    var audit: HistoryAudit?
    /// Seconds the audit took.
    var historySeconds = 0.0

    /// Prints both forms of the report.
    func finish(engine: LoadEngine, driver: LobbyDriver, readyLobbies: Int) {
        let json = self.json(engine.counters, driver, readyLobbies: readyLobbies)
        if !common.quiet { Console.error(summary(engine.counters, driver, readyLobbies: readyLobbies)) }
        Console.output(json.text)
    }

    /// Messages sent in the window.
    private var sent: Int { window?.counters.sent ?? 0 }

    /// Deliveries due: every member gets every message of its lobby (its own included).
    private var expected: Int { sent * layout.members }

    /// Deliveries in the window and its drain.
    private var delivered: Int { (window?.counters.deliveries ?? 0) + (window?.counters.deliveriesDrain ?? 0) }

    /// Distinct window messages found in the histories, per second of the window.
    private var persistedPerSecond: Double {
        guard let window, let audit, window.seconds > 0 else { return 0 }
        return Double(audit.persisted) / window.seconds
    }

    /// Every message sent is in its lobby's history exactly once.
    private var persistedAll: Bool {
        guard let audit else { return false }
        return audit.persisted == sent && audit.duplicates == 0 && audit.lobbiesFailed == 0
    }

    private func json(_ counters: ConnectionCounters, _ driver: LobbyDriver, readyLobbies: Int) -> JSONObject {
        var json = JSONObject()
        json.add("tool", "lobby-bench")
        json.add("scenario", "lobby")
        json.add("url", "ws://\(common.target.hostHeader)\(common.target.pathTemplate)")
        json.add("lobbies", layout.lobbies)
        json.add("members", layout.members)
        json.add("conns", layout.connections)
        json.add("rate", rate)
        json.add("connect_s", connectSeconds)
        json.add("setup_s", setupSeconds, decimals: 3)
        json.add("lobbies_ready", readyLobbies)
        json.add("setup_errors", Self.object(driver.setup.errors))
        json.add("first_setup_err", driver.setup.firstError)
        json.add("left_earlier_lobby", driver.setup.leftEarlier)
        json.add("deliveries_expected", expected)
        json.add("deliveries_total", delivered)
        json.add("delivered_share", expected > 0 ? Double(delivered) / Double(expected) : 0, decimals: 4)
        if let window {
            Figures.addWindow(window, to: &json)  // sent, sent_per_s, deliveries, deliveries_per_s, lat_us, CPU, ...
        } else {
            json.add("sent", 0)
            json.add("deliveries_per_s", 0)
        }
        json.add("chat_errors", Self.object(driver.chatErrors))
        json.add("first_chat_err", driver.firstChatError)
        json.add("unreadable", driver.unreadable)
        json.add("persisted", audit?.persisted ?? 0)
        json.add("persisted_missing", audit?.missing ?? sent)
        json.add("persisted_duplicates", audit?.duplicates ?? 0)
        json.add("persisted_foreign", audit?.foreign ?? 0)
        json.add("persisted_all", persistedAll)
        json.add("persisted_per_s", persistedPerSecond)
        json.add("history_pages", audit?.pagesReceived ?? 0)
        json.add("history_lobbies_audited", audit?.lobbiesAudited ?? 0)
        json.add("history_lobbies_done", audit?.lobbiesDone ?? 0)
        json.add("history_lobbies_failed", audit?.lobbiesFailed ?? 0)
        json.add("history_retries", audit?.retried ?? 0)
        json.add("first_history_err", audit?.firstError ?? "")
        json.add("history_s", historySeconds, decimals: 3)
        Figures.addConnections(counters, to: &json)
        common.addServer(
            to: &json, before: rssBefore, afterConnect: rssAfterSetup, end: window?.resources.serverRSSKB,
            cpu: window?.resources.serverCPUPercent)
        return json
    }

    private func summary(_ counters: ConnectionCounters, _ driver: LobbyDriver, readyLobbies: Int) -> String {
        var lines = [
            "",
            "lobby-bench lobby  ws://\(common.target.hostHeader)\(common.target.pathTemplate)",
            "  connections  \(counters.opened) ok, \(counters.failed) failed (connect \(counters.failConnect), "
                + "handshake \(counters.failHandshake), timeout \(counters.failTimeout)) in "
                + "\(Figures.hundredths(connectSeconds)) s",
            "  lobbies      \(readyLobbies) of \(layout.lobbies) x \(layout.members) players ready in "
                + "\(Figures.hundredths(setupSeconds)) s"
                + (driver.setup.leftEarlier > 0 ? " (\(driver.setup.leftEarlier) left an earlier run's lobby)" : "")
                + Self.errorText(driver.setup.errors, driver.setup.firstError),
        ]
        if let window {
            lines += [
                "  traffic      \(window.activeSenders) players x \(Figures.decimal(rate)) msg/s for "
                    + "\(Figures.decimal(window.seconds)) s",
                "  sent         \(sent) (\(Figures.grouped(window.sentPerSecond))/s)"
                    + Self.errorText(driver.chatErrors, driver.firstChatError),
                "  deliveries   \(delivered) of \(expected) due (\(Figures.grouped(window.deliveriesPerSecond))/s in "
                    + "the window, \(window.counters.deliveriesDrain) during the drain)",
                "  latency us   " + Figures.latencyLine(window.latency),
            ]
        }
        if let audit {
            lines.append(
                "  persisted    \(audit.persisted) of \(sent) sent (\(Figures.grouped(persistedPerSecond))/s): "
                    + (persistedAll ? "all there" : "MISSING \(audit.missing), duplicates \(audit.duplicates)")
                    + "; \(audit.pagesReceived) history pages, \(audit.lobbiesDone) of \(audit.lobbiesAudited) "
                    + "lobbies read in "
                    + "\(Figures.hundredths(historySeconds)) s"
                    + (audit.firstError.isEmpty ? "" : "; \(audit.lobbiesFailed) failed: \(audit.firstError)"))
        }
        lines += Figures.problemLines(counters)
        if let window { lines.append(Figures.cpuLine(window.resources)) }
        if let server = common.server {
            lines.append(
                "  server pid \(server.pid)  VmRSS KiB before \(rssBefore ?? -1), lobbies filled "
                    + "\(rssAfterSetup ?? -1), at end \(window?.resources.serverRSSKB ?? -1)")
        }
        return lines.joined(separator: "\n")
    }

    /// Counts by code as a JSON object, codes sorted.
    private static func object(_ counts: [String: Int]) -> JSONObject {
        var object = JSONObject()
        for (code, count) in counts.sorted(by: { $0.key < $1.key }) { object.add(code, count) }
        return object
    }

    /// `; errors: code n, ... (first: ...)`, or "" when there were none.
    private static func errorText(_ counts: [String: Int], _ first: String) -> String {
        guard !counts.isEmpty else { return "" }
        let list = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "; errors: \(list) (first: \(first))"
    }
}
