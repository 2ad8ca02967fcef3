import Glibc

/// Writes to stdout (the JSON line) and stderr (the human summary) without buffering surprises.
enum Console {
    /// Writes `text` and a newline to stdout.
    static func output(_ text: String) { write(1, text + "\n") }

    /// Writes `text` and a newline to stderr.
    static func error(_ text: String) { write(2, text + "\n") }

    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var at = 0
            while at < bytes.count {
                let written = Glibc.write(fd, bytes.baseAddress! + at, bytes.count - at)
                if written <= 0 { return }
                at += written
            }
        }
    }
}
