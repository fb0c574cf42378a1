import pytest

from apps.core.csv_safety import neutralise_cell, restore_cell


@pytest.mark.parametrize(
    "hostile",
    ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "\0x"],
)
def test_it_neutralises_cells_a_spreadsheet_would_run(hostile):
    safe = neutralise_cell(hostile)
    assert safe == "'" + hostile
    assert restore_cell(safe) == hostile


@pytest.mark.parametrize("plain", ["Acme", "", "'quoted already", "a=b", 42, None])
def test_it_leaves_plain_values_alone(plain):
    assert neutralise_cell(plain) == plain
    if isinstance(plain, str):
        assert restore_cell(plain) == plain


@pytest.mark.parametrize("quoted", ["'=1+1", "''@x", "'-", "'''+3"])
def test_text_that_already_starts_with_quotes_comes_back_exactly(quoted):
    exported = neutralise_cell(quoted)
    assert exported == "'" + quoted
    assert restore_cell(exported) == quoted
