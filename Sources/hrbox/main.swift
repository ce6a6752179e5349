print("hrbox")
