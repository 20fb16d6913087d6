print(int("101", base=2), "12".rindex("2"), "Ab Cd".istitle())
print(hex(255), oct(8), bin(5), pow(3, 4, 5))
