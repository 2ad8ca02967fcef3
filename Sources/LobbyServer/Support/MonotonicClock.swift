import CLinux

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC): for deadlines and durations, never for wall time.
enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary start.
    @inline(__always) static func now() -> UInt64 { lobby_monotonic_ns() }

    /// Converts milliseconds to nanoseconds.
    @inline(__always) static func ns(ms: Int) -> UInt64 { UInt64(max(0, ms)) &* 1_000_000 }
}
