import asyncio
import time

def say(who, words):
    print(f"{time.monotonic():.1f}s  {who:>7}: {words}")

async def cook(burgers):
    say("cook", f"grilling {burgers} fancy burgers")
    await asyncio.sleep(2.5)
    say("cook", "number 42, your order is ready!")
    return "burger"

async def date(who, stories, kitchen):
    for story in stories:
        await asyncio.sleep(1)
        say(who, story)
    burger = await kitchen
    say(who, f"mmm, this {burger} was worth the wait")

async def main():
    say("you", "(standing in line with my crush)")
    await asyncio.sleep(1)
    say("you", "two fancy burgers, please")
    kitchen = asyncio.create_task(cook(2), name="kitchen")
    say("cashier", "you are number 42, take a seat")
    mine = ["how was your week?", "let me check our number"]
    theirs = ["the cat opened the fridge", "and ate the cheese", "so, burgers!"]
    you = asyncio.create_task(date("you", mine, kitchen), name="you")
    crush = asyncio.create_task(date("crush", theirs, kitchen), name="crush")
    await asyncio.gather(you, crush)
    say("you", "best date ever")

asyncio.run(main())
