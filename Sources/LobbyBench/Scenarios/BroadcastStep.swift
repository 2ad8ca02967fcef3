/// One rate step of the broadcast sweep.
struct BroadcastStep {
    /// Messages per second per sender.
    let rate: Double
    /// Deliveries per second offered: rate x senders x members.
    let offeredPerSecond: Double
    /// How long the pause before the step waited for the previous step's backlog, ms.
    let settleMs: Double
    /// The window's figures.
    let result: WindowResult

    /// Delivered / offered.
    var deliveredShare: Double { offeredPerSecond > 0 ? result.deliveriesPerSecond / offeredPerSecond : 0 }

    /// The step's JSON object.
    var json: JSONObject {
        var json = JSONObject()
        json.add("rate", rate)
        json.add("offered_per_s", offeredPerSecond)
        json.add("delivered_per_s", result.deliveriesPerSecond)
        json.add("delivered_share", deliveredShare, decimals: 4)
        json.add("saturated", deliveredShare < BroadcastScenario.saturationShare)
        json.add("settle_ms", settleMs)
        Figures.addWindow(result, to: &json)
        return json
    }

    /// A progress line printed as soon as the step ends.
    var line: String {
        "lobby-bench: rate \(Figures.grouped(rate))/sender: offered \(Figures.grouped(offeredPerSecond))/s, "
            + "delivered \(Figures.grouped(result.deliveriesPerSecond))/s, p50 \(Figures.decimal(result.latency.p50)) "
            + "us, p99 \(Figures.decimal(result.latency.p99)) us, drain \(Int(result.drainMs)) ms"
    }

    /// A row of the summary table.
    var tableRow: String {
        let server = result.resources.serverCPUPercent.map { String(Int($0.rounded())) } ?? "-"
        return "  "
            + [
                pad(Figures.grouped(rate), 11), pad(Figures.grouped(offeredPerSecond), 13),
                pad(Figures.grouped(result.deliveriesPerSecond), 13),
                pad(Figures.decimal(deliveredShare * 100) + "%", 7),
                pad(Figures.decimal(result.latency.p50), 12), pad(Figures.decimal(result.latency.p99), 12),
                pad(String(Int(result.drainMs)), 9), "\(server)/\(Int(result.resources.clientCPUPercent.rounded()))%",
            ].joined(separator: " ")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
