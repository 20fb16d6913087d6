import asyncio

async def say(word, delay):
    await asyncio.sleep(delay)
    print(word, len(word), repr(word))

async def main():
    await asyncio.gather(
        say("café", 0.1),
        say("cafe\u0301", 0.2),
        say("日本語テキスト", 0.3),
        say("🚀🔥", 0.4),
        say("👨‍👩‍👧", 0.5),
        say("Ωmega ß", 0.6),
    )
    s = "naïve ☕ 中文"
    print(s.upper(), s[::-1], s.split())
    print(f"[{'猫':^5}] [{'é':>3}] [{'🙂':*<4}]")
    print(sorted(["ä", "a", "z", "é", "中"]))
    print("\u00e9" == "e\u0301", "ß".upper(), "İ".lower(), len("İ".lower()))

asyncio.run(main())
