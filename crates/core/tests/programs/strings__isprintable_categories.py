for s in ["a b", "\t", "\xa0", "\u3000", "\u200b", "\xad", "\ue000", "é", "日本", "\u2029", "\x7f", "\x85", "~", "😀", "\ufeff", "\u2066"]:
    print(repr(s), s.isprintable())
