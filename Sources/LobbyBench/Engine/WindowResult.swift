/// The figures of one measurement window.
struct WindowResult {
    /// Sends, deliveries and send-side warnings.
    var counters: WindowCounters
    /// Latency percentiles of every delivery in the window and its drain.
    var latency: LatencySummary
    /// Length of the window in seconds (shorter than asked if a signal ended it).
    var seconds: Double
    /// From the end of the window to the last delivery of its drain, in ms.
    var drainMs: Double
    /// Senders that were open when the window started.
    var activeSenders: Int
    /// CPU and memory over the window.
    var resources: ResourceFigures

    /// Deliveries per second inside the window.
    var deliveriesPerSecond: Double { seconds > 0 ? Double(counters.deliveries) / seconds : 0 }

    /// Messages sent per second.
    var sentPerSecond: Double { seconds > 0 ? Double(counters.sent) / seconds : 0 }
}
