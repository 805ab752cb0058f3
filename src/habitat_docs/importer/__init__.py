"""Import: Word, PDF or plain-text language versions of one document back to a data file."""
