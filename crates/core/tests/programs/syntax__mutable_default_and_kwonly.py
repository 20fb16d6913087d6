def add(item, bucket=[]):
    bucket.append(item)
    return bucket

print(add(1), add(2), add(3, []), add(4))

def configure(name, *, retries=3, verbose=False):
    return f"{name}: retries={retries} verbose={verbose}"

print(configure("a"))
print(configure("b", verbose=True, retries=0))
try:
    configure("c", 5)
except TypeError as e:
    print("TypeError:", e)

def forward(*args, **kwargs):
    return configure(*args, **kwargs)

print(forward("d", retries=9))
try:
    forward("e", colour="red")
except TypeError as e:
    print("TypeError:", e)

def stamp(x, seen=None):
    if seen is None:
        seen = []
    seen.append(x)
    return seen

print(stamp(1), stamp(2))
