/// Parsed `--name value` / `--name=value` options and `--flag`s of one subcommand. Unknown options are errors, so a
/// typo never silently runs a different benchmark.
struct Arguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `argv` (after the subcommand). `valueOptions` take a value; `flagOptions` do not.
    init(_ argv: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(BenchError) {
        var at = 0
        while at < argv.count {
            let word = argv[at]
            guard word.hasPrefix("--") else { throw BenchError("unexpected argument '\(word)'") }
            var name = String(word.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagOptions.contains(name) {
                guard inlineValue == nil else { throw BenchError("--\(name) takes no value") }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else {
                    at += 1
                    guard at < argv.count else { throw BenchError("--\(name) needs a value") }
                    values[name] = argv[at]
                }
            } else {
                throw BenchError("unknown option --\(name) (see --help)")
            }
            at += 1
        }
    }

    /// Whether `--name` was given.
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// The raw value of `--name`.
    func string(_ name: String) -> String? { values[name] }

    /// An integer option within `range`.
    func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(BenchError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text.replacingPlaceholder("_", with: "")), range.contains(value) else {
            throw BenchError("--\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A number option within `range`.
    func double(_ name: String, default fallback: Double, in range: ClosedRange<Double>) throws(BenchError) -> Double {
        guard let text = values[name] else { return fallback }
        guard let value = Double(text), range.contains(value) else {
            throw BenchError("--\(name) must be a number in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A comma-separated list of numbers, each within `range`.
    func doubles(_ name: String, default fallback: [Double], in range: ClosedRange<Double>) throws(BenchError)
        -> [Double]
    {
        guard let text = values[name] else { return fallback }
        var list: [Double] = []
        for item in text.split(separator: ",") {
            guard let value = Double(item), range.contains(value) else {
                throw BenchError("--\(name): '\(item)' is not a number in \(range.lowerBound)...\(range.upperBound)")
            }
            list.append(value)
        }
        guard !list.isEmpty else { throw BenchError("--\(name) is empty") }
        return list
    }
}
