import GameEvents

/// Which shard owns a game: FNV-1a of the id's UTF-8 bytes modulo the shard count. Pure and stable for the
/// process's life, so a loop can route `game:input` to the right shard from the id alone.
enum GameShardIndex {
    /// The shard of `game` among `count` shards.
    static func of(_ game: GameID, count: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in game.rawValue.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(max(1, count)))
    }
}
