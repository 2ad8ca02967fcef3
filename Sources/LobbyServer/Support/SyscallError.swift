import Glibc

/// A failed system call: which call, the errno, and its text.
struct SyscallError: Error, CustomStringConvertible, Sendable {
    /// The call that failed, with context (e.g. `listen 0.0.0.0:3005`).
    let call: String
    /// The errno value.
    let errno: Int32

    init(_ call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    var description: String { "\(call): \(String(cString: strerror(errno))) (errno \(errno))" }
}
