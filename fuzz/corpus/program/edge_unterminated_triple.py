s = '''
still going
