"""Writers turn a Document into bytes: .docx for people, plain text for tests, diff and git."""
