"""Rule settings in one frozen object with documented defaults.

Every number the rules use lives here, so a study can record exactly which settings produced its index
(``Config().to_dict()``) and change one without touching code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from .errors import InputError


@dataclass(frozen=True)
class Config:
    """Settings of the scoring rules.

    Parameters
    ----------
    negation_window : int
        Tokens before a cue searched for a negator ("did not impose"). VADER uses 3; news verbs take an
        auxiliary and an adverb ("has not yet imposed"), hence 4.
    negation_escalation : float
        Factor for a negated escalation cue: "will not impose tariffs" reads as mild de-escalation.
    negation_cooperation : float
        Factor for negated cooperation: "no deal", "did not sign an agreement" read as escalation.
    reverser_window : int
        Tokens after a reverser searched for the cue it turns around ("exempts phones and laptops from
        tariffs"); before it, 3 tokens, or the clause when the reverser is passive.
    retraction_window : int
        Tokens after a cue searched for a retraction ("tariffs would not be sustainable").
    modal_window : int
        Tokens before a cue searched for a modal or hedge ("may", "reportedly").
    threat_window : int
        Tokens a threat verb reaches forward in its clause ("threatens to hit all $505bn of Chinese imports
        with tariffs").
    threat_floor : float
        Weight a threat verb gives the measure it governs when that measure is weaker on its own
        ("threatens to hit Chinese imports with tariffs": bare "tariffs" is near-neutral, the threat is not).
    threat_verb_factor : float
        Factor for a measure that a threat cue takes as its object ("threatens 155% tariffs", "threatened
        China with new tariffs"): the two are one threat, weighed like "threaten to" in modifiers.tsv.
    hedge_factor : float
        Factor for a cooperation cue under a hedge ("may meet", "hopes to meet").
    conditional_factor : float
        Factor for a cue in a conditional clause ("only if", "unless").
    max_boost : float
        Cap on the product of all intensity factors (boosters such as "massive" carry their own factor in
        modifiers.tsv; magnitudes and capitals add theirs).
    historical_factor : float
        Factor for a cue in a clause marked as past ("have met three times", "in 2018").
    contrast_before, contrast_after : float
        Factors for cues before and after a contrast word in the same sentence ("…, but …"); VADER's
        halving is too strong for news, where both halves usually report facts.
    concession_factor : float
        Factor for cues in a phrase opened by "despite" ("... tariffs stay despite the truce"): the
        background the news runs against, not a second event; it ends at the sentence's end or at a comma.
    setting_factor : float
        Factor for a meeting named as the setting of the news and set against it ("accuses the U.S. of bad
        faith at the Hanoi summit"): where it was said, not a meeting reported.
    label_tokens, label_factor : int, float
        A sentence that opens with a label of at most ``label_tokens`` tokens and a colon ("US-China trade
        deal: Trump insists ...") weighs the label's cues by ``label_factor``: a label names the topic.
    explainer_factor : float
        Factor for every cue of a sentence that explains the news rather than reports it ("What the trade
        war means for your portfolio", "Factbox: ..."): the text stays relevant, with no direction.
    question_factor : float
        Factor for every cue of a headline that asks a yes/no question ("Is a U.S.-China trade deal
        near?"): it reports nothing, and stays relevant with no direction (not applied to a speaker's posts).
    demand_weight : float
        Weight given to a cooperation cue under an obligation ("we have to have a fair deal"): a demand,
        mild escalation.
    carry_window : int
        Sentences back in which an actor mention still puts its side in play (pronoun carry-over).
    damping : float
        The ``k`` in ``tension = 100 * net / (escalation + deescalation + k)``; keeps one weak cue from
        reading as maximal tension, and keeps the index bounded whatever the document length.
    neutral_band : float
        |net| below this (in weight units) is reported as tension 0: too weak to call a direction.
    tone : bool
        Compute TextBlob polarity (``doc.tone``). It is the slowest step; switch off for bulk runs that do
        not need it.
    """

    negation_window: int = 4
    negation_escalation: float = -0.5
    negation_cooperation: float = -0.75
    reverser_window: int = 4
    retraction_window: int = 8
    modal_window: int = 5
    threat_window: int = 10
    threat_floor: float = 3.0
    threat_verb_factor: float = 0.8
    hedge_factor: float = 0.7
    conditional_factor: float = 0.6
    max_boost: float = 2.0
    historical_factor: float = 0.4
    contrast_before: float = 0.7
    contrast_after: float = 1.2
    concession_factor: float = 0.3
    setting_factor: float = 0.1
    label_tokens: int = 6
    label_factor: float = 0.3
    explainer_factor: float = 0.1
    question_factor: float = 0.1
    demand_weight: float = 1.5
    carry_window: int = 1
    damping: float = 3.0
    neutral_band: float = 1.0
    tone: bool = True

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type in ("int", int) and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise InputError(f"Config.{f.name} must be a non-negative integer, got {value!r}.")
            if f.type in ("float", float):
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise InputError(f"Config.{f.name} must be a number, got {value!r}.")
        if self.damping <= 0:
            raise InputError(f"Config.damping must be > 0, got {self.damping!r}; it bounds the index.")

    def replace(self, **changes: Any) -> "Config":
        """Return a copy with some settings changed, e.g. ``Config().replace(tone=False)``."""
        names = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise InputError(f"Config has no setting {unknown[0]!r}; known settings: {', '.join(sorted(names))}.")
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The settings as a plain dict (for provenance in outputs)."""
        return asdict(self)
