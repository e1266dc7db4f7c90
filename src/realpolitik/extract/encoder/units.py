"""What an encoder reads for a candidate: its predicate's coordinated clause, stretched to hold
the candidate's own spans, within its sentence. Training and coding, for events and for
interests, all take it from here."""

from __future__ import annotations

from realpolitik.extract.encoder.inputs import extent


def unit_of(clause: tuple[int, int], spans, sentence: tuple[int, int]) -> tuple[int, int]:
    """What an encoder reads for a candidate (document offsets): the coordinated clause of its
    predicate (syntax.coordinated_clause_chars: "Bolivia demanded that the envoy leave, and
    Chile said it would review the case" is read one clause at a time, so that one actor's act
    does not colour the other's), stretched to hold the candidate's own spans, within its
    sentence. The event and the interest encoders, in training and at run time, share it."""
    start, end = extent(clause, *spans)
    return max(start, sentence[0]), min(end, sentence[1])
