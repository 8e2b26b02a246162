// Placeholder: MoodlineServer is being written.
