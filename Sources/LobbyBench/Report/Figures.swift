import Foundation

/// Formatting and JSON pieces shared by the scenario reports.
enum Figures {
    /// `12,345` style.
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let digits = String(Int(value.rounded()))
        let negative = digits.hasPrefix("-")
        var body = Array(negative ? digits.dropFirst() : Substring(digits))
        var at = body.count - 3
        while at > 0 {
            body.insert(",", at: at)
            at -= 3
        }
        return (negative ? "-" : "") + String(body)
    }

    /// One decimal.
    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Two decimals.
    static func hundredths(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The `lat_us` object.
    static func latency(_ summary: LatencySummary) -> JSONObject {
        var json = JSONObject()
        json.add("p50", summary.p50)
        json.add("p90", summary.p90)
        json.add("p99", summary.p99)
        json.add("p999", summary.p999)
        json.add("max", summary.max)
        json.add("mean", summary.mean)
        return json
    }

    /// One human line of latency figures.
    static func latencyLine(_ summary: LatencySummary) -> String {
        "p50 \(decimal(summary.p50))  p90 \(decimal(summary.p90))  p99 \(decimal(summary.p99))  "
            + "p99.9 \(decimal(summary.p999))  max \(decimal(summary.max))  mean \(decimal(summary.mean))"
    }

    /// Connection outcome and error fields, common to every scenario.
    static func addConnections(_ counters: ConnectionCounters, to json: inout JSONObject) {
        json.add("conns_ok", counters.opened)
        json.add("conns_failed", counters.failed)
        json.add("fail_connect", counters.failConnect)
        json.add("fail_handshake", counters.failHandshake)
        json.add("fail_timeout", counters.failTimeout)
        json.add("recv_msgs", counters.receivedMessages)
        json.add("recv_bytes", counters.receivedBytes)
        json.add("closes_by_server", counters.closesByServer)
        json.add("closes_clean", counters.closesClean)
        json.add("close_timeouts", counters.closeTimeouts)
        var codes = JSONObject()
        for (code, seen) in counters.closeCodes.sorted(by: { $0.key < $1.key }) { codes.add(String(code), seen) }
        json.add("close_codes", codes)
        json.add("err_eof", counters.errorEOF)
        json.add("err_reset", counters.errorReset)
        json.add("err_proto", counters.errorProtocol)
        json.add("err_other", counters.errorOther)
        json.add("first_proto_err", counters.firstProtocolError)
        json.add("pings", counters.pings)
    }

    /// Send-side and drain fields of a window.
    static func addWindow(_ result: WindowResult, to json: inout JSONObject) {
        let counters = result.counters
        json.add("duration_s", result.seconds)
        json.add("senders", result.activeSenders)
        json.add("sent", counters.sent)
        json.add("sent_per_s", result.sentPerSecond)
        json.add("deliveries", counters.deliveries)
        json.add("deliveries_drain", counters.deliveriesDrain)
        json.add("deliveries_per_s", result.deliveriesPerSecond)
        json.add("drain_ms", result.drainMs)
        json.add("lat_us", latency(result.latency))
        json.add("inflight_timeouts", counters.inflightTimeouts)
        json.add("out_full_drops", counters.outputFullDrops)
        json.add("schedule_resets", counters.scheduleResets)
        json.add("send_lag_max_us", Double(counters.sendLagMaxNs) / 1000)
        json.add("sends_late_1ms", counters.sendsLate1ms)
        addResources(result.resources, to: &json)
    }

    /// CPU fields of a window.
    static func addResources(_ figures: ResourceFigures, to json: inout JSONObject) {
        json.add("client_cpu_pct", figures.clientCPUPercent)
        json.add("host_cpu_busy_pct", figures.hostBusyPercent)
        json.add("host_steal_pct", figures.hostStealPercent)
        json.add("server_cpu_pct", figures.serverCPUPercent)
        json.add("server_rss_kb", figures.serverRSSKB)
    }

    /// Human lines about connection problems (empty when there were none).
    static func problemLines(_ counters: ConnectionCounters) -> [String] {
        var lines: [String] = []
        lines.append(
            "  closes       by server \(counters.closesByServer), clean \(counters.closesClean), "
                + "no reply in time \(counters.closeTimeouts);  errors eof \(counters.errorEOF) "
                + "reset \(counters.errorReset) protocol \(counters.errorProtocol) other \(counters.errorOther)")
        if !counters.firstProtocolError.isEmpty {
            lines.append("  first protocol error: \(counters.firstProtocolError)")
        }
        return lines
    }

    /// The human line about a window's CPU use.
    static func cpuLine(_ figures: ResourceFigures) -> String {
        var line = "  cpu          lobby-bench \(Int(figures.clientCPUPercent.rounded()))%"
        if let server = figures.serverCPUPercent { line += ", server \(Int(server.rounded()))%" }
        if !figures.hostBusyPercent.isEmpty {
            line +=
                ";  host busy "
                + figures.hostBusyPercent.enumerated()
                .map { "cpu\($0.offset) \(Int($0.element.rounded()))%" }.joined(separator: " ")
        }
        if figures.clientCPUPercent > 90 { line += "  <-- load generator near saturation; figures may be client-bound" }
        return line
    }
}
