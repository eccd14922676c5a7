"""One model of a flexible working request, shared by the three tools on the path from plan to agreed pattern:
the employee's request (`toolkit.request`), the manager's decision record (`toolkit.decision_record`)
and the trial review (`toolkit.trial_review`).

`rules` holds what the law (or the organisation's own policy) says, chosen by the organisation's settings;
`dates` the calendar arithmetic; `model` the request itself; `fields` and `reading` its questions and how the
answers are read; `letters` the layout every letter shares."""
