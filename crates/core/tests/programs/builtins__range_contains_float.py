print(3.0 in range(5), 2.5 in range(5), True in range(2), 4.0 in range(0, 10, 2), 3.0 in range(0, 10, 2))
