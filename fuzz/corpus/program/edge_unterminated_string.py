print('never closed
