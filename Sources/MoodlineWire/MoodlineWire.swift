// Placeholder: MoodlineWire is being written.
