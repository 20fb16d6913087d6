s = "hello world"
print("lo w" in s, "" in s, "xyz" not in s)
d = {"k": 1, 2: "two"}
print("k" in d, 1 in d, 2 in d, "two" in d, "two" in d.values())
r = range(0, 100, 7)
print(14 in r, 15 in r, 98 in r, -7 in r, 3.0 in range(5), len(r))
L = [10, 20, 30, 40, 50]
print(L[-1], L[-5], L[::-1], L[::2], L[1::2], L[-2:], L[:-2], L[4:1:-1], L[::-2])
print(s[::-1], s[::3], s[-5:], s[100:], s[-100:3], s[2:-2:2])
try:
    L[-6]
except IndexError as e:
    print("IndexError:", e)
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
t = (1, 2, 3)
print(t[::-1], t[-1:], t[5:], t[0:0])
try:
    L[::0]
except ValueError as e:
    print("ValueError:", e)
