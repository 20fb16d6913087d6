x = 5
print(f'{x!r:>{x}} {{}} {f"{x+1}"} {x=}')
