print(int("١٢٣"), float("٣.٥"), int("１２"), "١".isdecimal(), "１".isdigit(), "٣".isnumeric())
