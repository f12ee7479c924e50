"""The spaCy pipeline that finds organisations, people, quotes and stances in articles."""
