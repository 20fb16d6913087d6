import asyncio

async def stubborn():
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
            print("stubborn finished naturally")
            return "natural"
        except asyncio.CancelledError:
            print("stubborn ignores cancel at", asyncio.get_running_loop().time())
    return "ignored"

async def main():
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.5)
        print("wait_for returned", r, "at", asyncio.get_running_loop().time())
    except TimeoutError:
        print("TimeoutError at", asyncio.get_running_loop().time())

asyncio.run(main())
