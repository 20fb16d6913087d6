print(1e308 * 10, -1e-320, 0x_ff if False else 0b101, 1_000.5e-3, 0o17)
