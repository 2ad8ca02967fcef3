/// One scrape of a Prometheus text exposition (format 0.0.4): every sample line `name{labels} value [timestamp]`,
/// comments and blank lines skipped. Samples of one name with different labels are kept apart; the accessors sum
/// them (a counter per shard reads as the total) and group histogram buckets by their `le` label.
struct PrometheusText {
    /// One sample.
    struct Sample {
        /// The metric name (`lobby_game_ticks_total`, `..._bucket`).
        var name: String
        /// Its labels in the order written.
        var labels: [(String, String)]
        /// The value (`+Inf`, `-Inf` and `NaN` included).
        var value: Double

        /// The value of label `name`.
        func label(_ name: String) -> String? { labels.first { $0.0 == name }?.1 }
    }

    /// Every sample, in order.
    private(set) var samples: [Sample] = []
    /// Lines that were neither samples nor comments.
    private(set) var malformedLines = 0

    /// Parses `text`.
    init(_ text: String) {
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let sample = Self.sample(trimmed) { samples.append(sample) } else { malformedLines += 1 }
        }
    }

    /// The sum of every sample named `name`, or nil when there is none.
    func value(_ name: String) -> Double? {
        var total: Double?
        for sample in samples where sample.name == name { total = (total ?? 0) + sample.value }
        return total
    }

    /// The histogram `name` (`name_bucket` by `le`, `name_sum`, `name_count`), summed over other labels; nil
    /// when it has no bucket.
    func histogram(_ name: String) -> PrometheusHistogram? {
        var byBound: [Double: Double] = [:]
        for sample in samples where sample.name == name + "_bucket" {
            guard let text = sample.label("le"), let bound = Self.number(text) else { continue }
            byBound[bound, default: 0] += sample.value
        }
        guard !byBound.isEmpty else { return nil }
        let buckets = byBound.sorted { $0.key < $1.key }.map { PrometheusHistogram.Bucket(le: $0.key, count: $0.value) }
        return PrometheusHistogram(buckets: buckets, sum: value(name + "_sum") ?? 0, count: value(name + "_count"))
    }

    /// A number as Prometheus writes it: decimal, exponent, `+Inf`, `-Inf`, `NaN`.
    static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf", "inf", "+inf": return .infinity
        case "-Inf", "-inf": return -.infinity
        case "NaN", "nan": return .nan
        default: return Double(text)
        }
    }

    /// A number from a label value.
    static func number(_ text: String) -> Double? { number(Substring(text)) }

    /// One sample line, or nil.
    private static func sample(_ line: Substring) -> Sample? {
        var rest = line
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " || $0 == "\t" } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard !name.isEmpty else { return nil }
        rest = rest[nameEnd...]
        var labels: [(String, String)] = []
        if rest.first == "{" {
            guard let (parsed, after) = Self.labels(rest.dropFirst()) else { return nil }
            labels = parsed
            rest = after
        }
        let fields = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = fields.first, fields.count <= 2, let value = number(first) else { return nil }
        return Sample(name: name, labels: labels, value: value)
    }

    /// `key="value",...}` (escapes `\\`, `\"`, `\n`), and what follows the `}`.
    private static func labels(_ text: Substring) -> ([(String, String)], Substring)? {
        var labels: [(String, String)] = []
        var rest = text
        while true {
            rest = rest.drop { $0 == " " || $0 == "," }
            if rest.first == "}" { return (labels, rest.dropFirst()) }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = String(rest[..<equals]).trimmingSpaces
            rest = rest[rest.index(after: equals)...]
            guard rest.first == "\"" else { return nil }
            rest = rest.dropFirst()
            var value = ""
            var escaped = false
            while let character = rest.first {
                rest = rest.dropFirst()
                if escaped {
                    value.append(character == "n" ? "\n" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    break
                } else {
                    value.append(character)
                }
            }
            labels.append((key, value))
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
