"""Vietnamese text: syllables, words, the syllable list, and where text sits in its file."""
