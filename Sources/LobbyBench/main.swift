print("lobby-bench: not built yet")
