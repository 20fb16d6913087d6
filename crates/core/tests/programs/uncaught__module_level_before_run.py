import asyncio

async def main():
    print("main would run")

print("setting up")
config = {"workers": 3}
print("workers", config["workers"])
timeout = config["timeout"]
asyncio.run(main())
