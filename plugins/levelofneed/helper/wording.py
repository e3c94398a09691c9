"""The helper's words: every heading, button, hint and line of the decision record, in one place.

The page (``helper-ui.js``) and the decision record (``helper-record.js`` in the browser,
:mod:`.record` here) take their wording from the helper data, which takes it from here, so
content review sees it and a partnership could change it. ``{name}`` marks what is filled
in: the browser and :func:`fill` fill it the same way.
"""

from __future__ import annotations

import re

from .. import labels

WORDING: dict[str, str] = {
    # Steps and their headings.
    "step_safety": "Step 1 of 3: is the child safe now?",
    "safety_intro": "Answer each question. If any answer is yes, the helper shows what to do straight away.",
    "answer_every": "Answer every question, yes or no. Not answered yet: {questions}",
    "continue": "Continue",
    "yes": "Yes",
    "no": "No",
    "not_answered": "Not answered",
    "act_now": "Act now",
    "your_answer_means": "Your answer means:",
    "change_answers": "Change my answers",
    "step_seen": "Step 2 of 3: what have you seen?",
    "indicators": "Indicators",
    "show_more": "Show more indicators",
    "see_result": "See what this suggests",
    "back_to_safety": "Back to the safety questions",
    "any_age": "Any age",
    "every_area": "Every area",
    "age_label": "Child's age",
    "area_label": "Area of the child's life",
    "find_label": "Find what you have seen",
    "find_hint": "Type your own words, for example DV, bruise or not brought.",
    "showing": "Showing {shown} of {found} matching indicators{picked}.",
    "and_chosen": ", and the {count} you have chosen",
    "choose_prompt": "Choose what you have seen to see a suggested level.",
    "suggests_now": "With {chosen} chosen, this suggests ",
    "question_pending": "Answer the question about the child above. Until you do, the helper assumes the "
                        "riskier answer.",
    "step_result": "Step 3 of 3: what this suggests",
    "nothing_chosen": "You have not chosen anything you have seen yet.",
    "choose_seen": "Choose what you have seen",
    "this_suggests": "This suggests",
    "why": "Why",
    "change_seen": "Change what you have seen",
    "start_again": "Start again",
    "first": "First",
    "what_to_do": "What to do",
    "who_leads": "Who leads: ",
    "timescale": "Timescale: ",
    "whom_to_contact": "Whom to contact",
    "unverified": " We could not confirm these details: check before use.",
    "you_must": labels.YOU_MUST,
    "duty_who": labels.DUTY_WHO,
    "duty_what": labels.DUTY_WHAT,
    "duty_by_when": labels.DUTY_BY_WHEN,
    "duty_through": labels.DUTY_THROUGH,
    "duty_law": labels.DUTY_LAW,
    "do_not_alert": labels.DO_NOT_ALERT,
    "do_not_alert_ask": labels.DO_NOT_ALERT_ASK,
    "do_not_alert_see": "See the advice above on whom to speak to first.",
    "procedures": "Procedures",
    "services": "Services",
    "briefings": "7-minute briefings",
    "record_title": "A rationale to record",
    "record_intro": "Copy this into the child's record or a referral form, or print it.",
    "notes_label": "Your notes (optional)",
    "rationale_label": "The rationale",
    "copy": "Copy the rationale",
    "print": "Print",
    "copied": "Copied. Paste it into the record.",
    "copy_failed": "Select the text and copy it.",
    "link_dropped": "Part of this link could not be used: it may be from an older version of the guidance. "
                    "Check the answers below.",
    # Why a level is suggested.
    "reason_combination": "Several indicators at {counted}, in more than one area of the child's life ({level}):",
    "reason_circumstance": "Because of your answer about the child ({level}):",
    "reason_unanswered": "Not answered yet, so the riskier answer is assumed ({level}):",
    "reason_always": "Always {level}:",
    "reason_indicator": "You chose ({level}):",
    # The decision record.
    "record_heading": "Which level? A record of the decision",
    "record_date": "Date: {date}",
    "record_guidance": "Guidance: {guidance}",
    "record_safety": "Safety questions:",
    "record_answer": "- {question} {answer}",
    "record_age": "Age: {age}",
    "record_indicators": "Indicators chosen:",
    "record_indicator": "- [{id}] {text} ({level})",
    "record_level": "Suggested level: {level}",
    "record_no_level": "none yet",
    "record_why": "Why:",
    "record_reason": "- {label} {text}",
    "record_route": "Route:",
    "record_response": "- {title}. Who leads: {who_leads}{timescale}",
    "record_timescale": " Timescale: {timescale}",
    "record_contacts": "- Contact: {contacts}",
    "record_duties": "Legal duties:",
    "record_duty": "- {name}",
    "record_duty_line": "  {label} {text}",
    "record_family": "Telling the family:",
    "record_do_not_alert": "- " + labels.DO_NOT_ALERT + " Ask first: {contacts}.",
    "record_may_tell": "- Nothing chosen says the family must not be told first.",
    "record_notes": "Notes:",
    "record_no_notes": "(none)",
}

_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: str) -> str:
    """A template with each ``{name}`` replaced: what the browser's ``fill`` does too."""
    return _SLOT.sub(lambda found: values[found.group(1)], template)
