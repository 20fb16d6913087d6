import asyncio

rooms = {"general": []}
inboxes = {}


async def join(user, room):
    inboxes[user] = asyncio.Queue()
    rooms.setdefault(room, []).append(user)
    await broadcast(room, "server", f"{user} joined")


async def broadcast(room, sender, text):
    for member in rooms[room]:
        if member != sender:
            await inboxes[member].put((sender, text))


async def client(user, script):
    await join(user, "general")
    received = []
    for delay, text in script:
        await asyncio.sleep(delay)
        await broadcast("general", user, text)
        while not inboxes[user].empty():
            received.append(inboxes[user].get_nowait())
    await asyncio.sleep(1)
    while not inboxes[user].empty():
        received.append(inboxes[user].get_nowait())
    return user, received


async def main():
    results = await asyncio.gather(
        client("ana", [(0.1, "hi all"), (0.5, "anyone?")]),
        client("ben", [(0.3, "hey ana")]),
        client("cat", [(0.05, "first!"), (0.05, "second"), (0.6, "bye")]),
    )
    for user, msgs in results:
        print(f"--- {user} ({len(msgs)} msgs)")
        for sender, text in msgs:
            print(f"  <{sender}> {text}")


asyncio.run(main())
