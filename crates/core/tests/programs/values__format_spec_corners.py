specs_int = ["", "d", "5d", "<5", ">5", "^5", "=5", "+", "-", " ", "05", "+05", "x", "#x", "#X", "o", "#o", "b", "#b", "#010b", ",", "_", "_x", "_b", ",d", "e", ".2e", "f", ".1f", "%", "g", "n", "*^9", "0>6", "x<4", "+,", "#_o"]
for n in [0, 7, -42, 255, 1234567]:
    out = []
    for s in specs_int:
        try:
            out.append(format(n, s))
        except ValueError as e:
            out.append("ERR:" + str(e))
    print(n, "|".join(out))
specs_float = ["", "f", ".0f", ".3f", "10.2f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", "e", ".0e", "E", "g", ".3g", ".10g", "G", "%", ".1%", ",.2f", "_.3f", "#.0f", "#g", ".0%", "=+10.1f", "n", "-", "+", ".2", "10", "#.3"]
for x in [0.0, -0.0, 1.5, -2.25, 1234.5678, 1e-5, 123456789.0, 1e21, 0.999999, float("inf"), float("nan")]:
    out = []
    for s in specs_float:
        try:
            out.append(format(x, s))
        except ValueError as e:
            out.append("ERR:" + str(e))
    print(x, "|".join(out))
for s in ["", "s", "10", "<10", ">10", "^10", ".2", "*>6.1", "x^7"]:
    print(repr(format("hey", s)))
for bad in ["d", "x", ","]:
    try:
        format("s", bad)
    except ValueError as e:
        print("str", bad, "->", e)
for bad in ["d", "x", "c"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print("float", bad, "->", e)
print(format(True), format(True, "d"), format(True, ">5"), f"{None!s:>6}", f"{[1, 2]!s:>8}")
