/// A binary min-heap of sender indices ordered by their next scheduled send (ns): the fixed-rate schedule.
/// Storage is allocated once for all senders; push and pop never allocate.
final class SenderHeap {
    /// Next send time of each sender, indexed by sender (= connection index).
    let due: UnsafeMutablePointer<UInt64>
    private let heap: UnsafeMutablePointer<Int32>
    private let capacity: Int
    /// Senders in the heap.
    private(set) var count = 0

    /// Room for `capacity` senders.
    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        due = .allocate(capacity: self.capacity)
        due.initialize(repeating: 0, count: self.capacity)
        heap = .allocate(capacity: self.capacity)
        heap.initialize(repeating: 0, count: self.capacity)
    }

    deinit {
        due.deallocate()
        heap.deallocate()
    }

    /// The earliest due time, or nil when empty.
    var nextDue: UInt64? { count == 0 ? nil : due[Int(heap[0])] }

    /// Empties the heap.
    func removeAll() { count = 0 }

    /// Adds `sender`, due at `at`.
    func push(_ sender: Int, at: UInt64) {
        precondition(count < capacity, "sender heap overflow")
        due[sender] = at
        heap[count] = Int32(sender)
        count += 1
        siftUp(count - 1)
    }

    /// Removes and returns the earliest sender.
    func pop() -> Int {
        let top = Int(heap[0])
        count -= 1
        if count > 0 {
            heap[0] = heap[count]
            siftDown(0)
        }
        return top
    }

    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            if due[Int(heap[parent])] <= due[Int(heap[child])] { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < count, due[Int(heap[left])] < due[Int(heap[smallest])] { smallest = left }
            if right < count, due[Int(heap[right])] < due[Int(heap[smallest])] { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

extension UnsafeMutablePointer where Pointee == Int32 {
    /// Swaps two elements.
    @inline(__always)
    fileprivate func swapAt(_ a: Int, _ b: Int) {
        let saved = self[a]
        self[a] = self[b]
        self[b] = saved
    }
}
