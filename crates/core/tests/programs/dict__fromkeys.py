print(dict.fromkeys(["x", "y"], 0), dict.fromkeys("ab"))
