print("ß".casefold(), "Straße".casefold() == "STRASSE".casefold(), "ǆ".title(), "ǆemal".capitalize(), "ǅ".upper(), "ǅ".istitle())
