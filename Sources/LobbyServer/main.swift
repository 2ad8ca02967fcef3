print("lobby-server")
