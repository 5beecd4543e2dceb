"""B1 language-level checks for Dutch letters: sentences, words and syllables."""
