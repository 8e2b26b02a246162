// Placeholder: MoodlineStore is being written.
