from graph.identifiers.countries import flag_region, regions_near


def test_flag_region() -> None:
    assert flag_region("🇬🇧") == "GB"
    assert flag_region("🇹🇳") == "TN"


def test_nearest_region_first_and_same_line_only() -> None:
    text = "Angleterre 07400 123456 Tunisie\nItalia"
    start = text.index("074")
    assert regions_near(text, start, start + 12) == ["GB", "TN"]


def test_far_names_are_not_evidence() -> None:
    text = "Passage vers l'Angleterre, départ garanti, places limitées, appelez 07400 123456"
    start = text.index("074")
    assert regions_near(text, start, start + 12) == []
