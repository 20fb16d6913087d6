if __name__ == "__main__":
    print("main guard", __name__)
