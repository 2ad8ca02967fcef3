/// One value for each side of a game (a room's players, and its per-player bookkeeping: sequence numbers,
/// inputs, deadlines). Also a two-element collection, left then right, so `for player in players` and
/// `players.first { ... }` read naturally.
struct PerSide<Value>: RandomAccessCollection {
    /// The left player's value.
    var left: Value
    /// The right player's value.
    var right: Value

    /// `left` and `right` as given.
    init(left: Value, right: Value) {
        self.left = left
        self.right = right
    }

    /// The same value on both sides.
    init(both value: Value) {
        self.init(left: value, right: value)
    }

    /// `side`'s value.
    subscript(side: PongSide) -> Value {
        get { side == .left ? left : right }
        set {
            if side == .left { left = newValue } else { right = newValue }
        }
    }

    /// 0 (left).
    var startIndex: Int { 0 }
    /// 2 (past right).
    var endIndex: Int { 2 }

    /// The value at `position`: 0 is left, 1 is right.
    subscript(position: Int) -> Value {
        precondition(position == 0 || position == 1, "PerSide index out of range")
        return position == 0 ? left : right
    }
}

extension PerSide: Equatable where Value: Equatable {}
extension PerSide: Hashable where Value: Hashable {}
extension PerSide: Sendable where Value: Sendable {}
