print(repr("tab\tx".expandtabs(4)), repr("a\tbc\td".expandtabs()), repr("12345678\tx".expandtabs(8)))
