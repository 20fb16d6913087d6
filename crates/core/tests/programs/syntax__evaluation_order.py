log = []


def t(x):
    log.append(x)
    return x


def f(a, b, c=None):
    return a


f(t(1), t(2), c=t(3))
print(log); log.clear()
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(log); log.clear()
arr = [0, 0, 0]
arr[t(0)] = t("rhs")
print(log, arr); log.clear()
arr[t(1)] += t(5) if False else 5
print(log, arr); log.clear()
x = t("a") if t(True) else t("b")
print(log); log.clear()
r = [t(i) for i in range(3) if t(i % 2)]
print(log, r); log.clear()
print(any([t(v) for v in [0, 5, 0, 7]]), log); log.clear()
a, b = t("first"), t("second")
print(log); log.clear()
print(t(1) + t(2) * t(3), log); log.clear()
print(t([1, 2])[t(0)], log); log.clear()


def make(default=t("default evaluated once")):
    return default


make(); make()
print(log); log.clear()
print(t("L") or t("R"), t("") or t("R2"), t(0) and t("never"), log)
