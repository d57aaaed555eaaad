"""`gate incidents update --subjects/--records` bounded to what every JSON reader holds (usersrev16).

Before: `--records 99999999999999999999` was written to the incident record as given; a JSON reader built
on doubles (the report's browser, JavaScript, many libraries) reads another number there.
"""

from __future__ import annotations

import pytest

from gate.cli.main import main


@pytest.mark.parametrize("option", ["--subjects", "--records"])
@pytest.mark.parametrize("value", ["9007199254740992", "99999999999999999999", "1e9", "ten"])
def test_a_count_no_reader_holds_or_no_number_is_refused_before_anything_is_read(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["incidents", "update", "inc-x", option, value, "--bootstrap-servers", "127.0.0.1:9"])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert option in err and ("above 9,007,199,254,740,991" in err or "not a whole number" in err)


@pytest.mark.parametrize("value", ["1", "250", "9007199254740991"])
def test_counts_up_to_the_bound_are_taken(value: str) -> None:
    from gate.cli.incidents import count  # noqa: PLC0415

    assert count(value) == int(value)
