/// A reason lobby-bench cannot run as asked (bad arguments, a refused destination); exits with status 2.
struct BenchError: Error, CustomStringConvertible {
    /// What is wrong, for the user.
    let message: String

    /// An error with this message.
    init(_ message: String) { self.message = message }

    var description: String { message }
}
