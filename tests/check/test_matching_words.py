from site_builder.check.matching import word_count


def test_word_count_ignores_elisions_and_insertions():
    assert word_count("The army … marched [sic] north [...] at dawn") == 6
    assert word_count("[The troops] were sent") == 2
    assert word_count("[T]hey were sent") == 3


def test_word_count_ignores_lone_punctuation():
    assert word_count("well-known — “fact”") == 2
    assert word_count("") == 0
    assert word_count(" … ") == 0
