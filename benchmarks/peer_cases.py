"""How the matcher's verdicts compare with other projects' anchoring tests.

Run ``python benchmarks/peer_cases.py``.

The cases are those of ``tests/peers/peer_cases.yml``: the anchoring tests of the Hypothesis
client, dom-anchor-text-quote, approx-string-match, the web-platform-tests for text fragments and
the text-fragments polyfill, ported. Each case is run and classed (``tests/peers/peer_verdicts.py``):
agree, stricter (by design, still pointing at the project's place), looser, wrong. The study prints
the counts by project and by class, the reasons for being stricter, and every looser or wrong case
with what the matcher answered.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "peers"))

from peer_verdicts import CLASSES, PeerCase, classify, load_cases, run

from site_builder.check.matching.locate import Match


def main() -> None:
    cases = load_cases()
    by_project: dict[str, Counter[str]] = defaultdict(Counter)
    reasons: Counter[str] = Counter()
    off: list[tuple[str, PeerCase, Match]] = []
    for case in cases:
        match = run(case)
        verdict = classify(case, match)
        by_project[case.origin.repo][verdict] += 1
        if verdict == "stricter":
            reasons[case.why.split(";")[0].split(" (")[0]] += 1
        if verdict in ("looser", "wrong"):
            off.append((verdict, case, match))

    total: Counter[str] = Counter()
    width = max(len(p) for p in by_project)
    print(f"{'project':<{width}}  {'cases':>5}  " + "  ".join(f"{c:>8}" for c in CLASSES))
    for project, counts in sorted(by_project.items()):
        total.update(counts)
        row = "  ".join(f"{counts[c]:>8}" for c in CLASSES)
        print(f"{project:<{width}}  {sum(counts.values()):>5}  {row}")
    print(f"{'all':<{width}}  {sum(total.values()):>5}  " + "  ".join(f"{total[c]:>8}" for c in CLASSES))

    print("\nstricter by design, why:")
    for reason, count in reasons.most_common():
        print(f"  {count:>3}  {reason}")

    print(f"\nlooser or wrong ({len(off)}):")
    for verdict, case, match in off:
        found = repr(case.text[match.span.start : match.span.end]) if match.span else "not found"
        suggested = f", suggested {match.suggestion.text!r}" if match.suggestion else ""
        print(f"  {verdict:<6} {case.id}: {case.peer!r} -> {found}{suggested}")
        if case.gap:
            print(f"         {case.gap}")


if __name__ == "__main__":
    main()
