"""Who may do what with initiatives, experience reports, comments, following and the yearbook.

The platform names the actions (``tillit.policy.Action``); this app declares their rules, one
module per subject, and ``actions.RULES`` hands them to ``tillit.policy.register`` in
``InitiativesConfig.ready()``. The models' ``visible_to`` use the same modules.
"""
