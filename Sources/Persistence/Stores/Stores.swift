/// The stores a persistence job works with, all on the same database and inside the job's savepoint. Handed to
/// jobs on the writer thread only; a job must not keep them after it returns.
public struct Stores {
    /// Users known to the server.
    public let users: any UserStore
    /// Friendships and friend requests.
    public let friends: any FriendStore
    /// Direct messages and read markers.
    public let messages: any DirectMessageStore
    /// Lobby chat messages, read markers and retention.
    public let lobbyChat: any LobbyChatStore
    /// Lobbies carried across a clean restart.
    public let savedLobbies: any SavedLobbyStore
    /// Finished games: results, history and replays.
    public let games: any GameStore

    /// Bundles the stores sharing one database.
    public init(
        users: any UserStore, friends: any FriendStore, messages: any DirectMessageStore,
        lobbyChat: any LobbyChatStore, savedLobbies: any SavedLobbyStore = InMemorySavedLobbyStore(),
        games: any GameStore = InMemoryGameStore()
    ) {
        self.users = users
        self.friends = friends
        self.messages = messages
        self.lobbyChat = lobbyChat
        self.savedLobbies = savedLobbies
        self.games = games
    }
}
