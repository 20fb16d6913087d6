print('a\n' * 200000)
