"""Which series a network's definite description stands for: "the MBC
show" is the series named beside MBC before ("MBC's 'I Live Alone'"), not
merely the series named last (kg/extract/refs.py asks)."""
from __future__ import annotations

from ..records import EntityRef
from .context import Context


def series_of_network(ctx: Context, noun, kinds: tuple) -> list[EntityRef] | None:
    """ "the MBC show": the last series named beside MBC ("MBC's 'I Live
    Alone'"); none when the last series was named beside another network;
    None (no say) when no network is named in the phrase or beside a series."""
    nets = [ctx.ent(c) for c in noun.children if c.i < noun.i and ctx.ent(c) is not None]
    nets = {e.name for e in nets if ctx.class_of(e) == "Broadcaster"}
    if not nets or "TVSeries" not in kinds:
        return None
    series, network_before = [], None
    for token, ent in ctx.mention_tokens:
        if token.i >= noun.i:
            break
        if ctx.class_of(ent) == "Broadcaster":
            network_before = (ent.name, token.i, token.sent.start)
        elif ctx.class_of(ent) == "TVSeries" and ent.name not in ctx.characters:
            # the network named up to four words before it, in its sentence: "KBS's latest variety program 'X'"
            near = network_before if network_before and token.i - network_before[1] <= 5 \
                and network_before[2] == token.sent.start else None
            series.append((ent, near[0] if near else None))
    if not series or all(net is None for _, net in series):
        return None
    matching = [ent for ent, net in series if net in nets]
    if matching:
        ctx.note_supplier(matching[-1])
        return [EntityRef(matching[-1].name, "TVSeries")]
    return [] if series[-1][1] is not None else None
