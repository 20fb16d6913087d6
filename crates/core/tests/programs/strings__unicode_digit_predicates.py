samples = ["123", "١٢٣", "１２", "²", "½", "Ⅷ", "①", "৩", "٣.٥", "", "12a", "𝟙𝟚", "-5", "٣_٥"]
for s in samples:
    print(repr(s), s.isdecimal(), s.isdigit(), s.isnumeric())
for s in ["١٢٣", " ٤٥ ", "-٧", "𝟙𝟚", "٣_٥", "１０"]:
    print(repr(s), int(s), int(s, 8), float(s))
for s in ["²", "½", "٣.٥"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
print(float("٣.٥e١"), float("-１.５"))
