import Testing

@testable import LobbyServer

/// ``DelayLine``: items come out exactly N pushes later.
@Suite struct DelayLineTests {
    @Test func zeroDelayPassesItemsStraightThrough() {
        var line = DelayLine<Int>(delayTicks: 0)
        #expect(line.push(1) == 1 && line.push(nil) == nil && line.push(3) == 3)
        #expect(line.drain() == [])
    }

    @Test func itemsComeOutNTicksLaterAndEmptyTicksStayEmpty() {
        var line = DelayLine<String>(delayTicks: 3)
        let pushed: [String?] = ["a", nil, "c", "d", nil, nil, "g", "h"]
        let out = pushed.map { line.push($0) }
        #expect(out == [nil, nil, nil, "a", nil, "c", "d", nil])
    }

    @Test func drainHandsOverTheWaitingItemsOldestFirstAndEmptiesTheLine() {
        var line = DelayLine<Int>(delayTicks: 4)
        for item in [1, 2, 3, 4, 5] { _ = line.push(item == 3 ? nil : item) }
        #expect(line.drain() == [2, 4, 5])
        #expect(line.drain() == [])
        #expect((0..<4).map { _ in line.push(9) } == [nil, nil, nil, nil])
        #expect(line.push(nil) == 9)
    }

    /// Against a plain queue model, over random pushes (with empty ticks) and delays.
    @Test func itBehavesLikeAQueueOfFixedLength() {
        var random = SplitMix64(seed: 12)
        for delay in [1, 2, 7, 60, 120] {
            var line = DelayLine<UInt64>(delayTicks: delay)
            var model = [UInt64?](repeating: nil, count: delay)
            for _ in 0..<2_000 {
                let item: UInt64? = random.next() % 3 == 0 ? nil : random.next()
                model.append(item)
                #expect(line.push(item) == model.removeFirst())
            }
            #expect(line.drain() == model.compactMap { $0 })
        }
    }
}
