print("moodline")
