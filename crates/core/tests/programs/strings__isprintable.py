print("abc".isprintable(), "bell\x07".isprintable(), "".isprintable(), "é\u2028".isprintable())
