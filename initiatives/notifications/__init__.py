"""Telling people about initiatives. ``emails``: the workflow's e-mails, sent after commit.
``recipients``: who is told of a comment, a publication or an overdue end, stored as
``Notification`` rows by the background tasks (``initiatives.tasks``). ``delivery``: mailing those
rows, one by one or as a weekly summary. ``unsubscribe``: the signed one-click links they carry.
The modules depend on each other in that order and never on ``initiatives.services``."""
