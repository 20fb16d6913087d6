print("before")
raise SystemExit(0)
print("after")
