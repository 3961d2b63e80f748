print("totaalbeeld: under construction")
