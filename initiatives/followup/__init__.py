"""Follow-up after the end: whether a measure lasted. ``ended``: when a measure counts as
ended and since when. ``links``: the signed one-click answer links. ``asking``: the daily job
that makes the questions and mails them. ``selectors``: what the pages read.
``report_draft``: the experience report a measure's end offers, pre-filled from it. Answers
are written by ``initiatives.services.followup``."""
