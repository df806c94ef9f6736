"""The words of published text, for suggesting a correction to a mistyped search word.

Written only by ``initiatives.services.vocabulary`` (set-based, from the published measures
and experience reports); read by ``initiatives.overview.spelling``. Drafts never add a word,
so a correction never shows a word nobody may read.
"""

from django.db import models


class SearchVocabulary(models.Model):
    """One surface word (lower case, at least three letters, no digits) and how many
    published documents use it."""

    # byte order ("C"): the words beginning with a prefix are one range of the primary key
    word = models.TextField(primary_key=True, db_collation="C")
    documents = models.PositiveIntegerField(default=0)

    def __str__(self):
        return self.word
