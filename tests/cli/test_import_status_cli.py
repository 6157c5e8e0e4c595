"""kiosk import with ticket status, as an organiser runs it: dry run, re-import, stats, scans."""

DATA = "tests/data/status"


def test_reimport_blocks_and_reinstates_from_the_command_line(kiosk, monkeypatch):
    assert kiosk("events", "create", "Forum", "--date", "2026-09-10").code == 0
    first = kiosk("import", f"{DATA}/eventbrite_attendees_v1.csv")
    assert first.code == 0 and "blocked 3, unblocked 0" in first.out
    refunded = kiosk("checkin", "300100000310001")
    assert refunded.code == 5 and "Blocked (refunded): Jonas Berg" in refunded.out
    assert kiosk("checkin", "300100000310001", "--json").json()["attendee"]["block_reason"] == "refunded"
    assert kiosk("checkin", "300100000110001").code == 0

    dry = kiosk("import", "--dry-run", f"{DATA}/eventbrite_attendees_v2.csv")
    assert dry.code == 0 and "would block 1, unblock 2" in dry.out
    second = kiosk("import", f"{DATA}/eventbrite_attendees_v2.csv")
    assert second.code == 0 and "blocked 1, unblocked 2" in second.out
    assert "300100000110001: now refunded, but already checked in; the check-in stays" in second.out
    assert kiosk("checkin", "300100000410001").code == 0  # reinstated

    stats = kiosk("stats")
    assert "Blocked after check-in" in stats.out and "300100000110001  Märta Ek (refunded)" in stats.out
    figures = kiosk("stats", "--json").json()
    assert figures["blocked_checked_in"] == [{"code": "300100000110001", "name": "Märta Ek", "reason": "refunded"}]
    monkeypatch.setenv("KIOSK_LANG", "sv")  # the reason in Swedish too
    swedish = kiosk("checkin", "300100000310001")
    assert swedish.code == 5 and "återbetald" in swedish.out


def test_map_on_a_long_header_from_the_command_line(kiosk):
    assert kiosk("events", "create", "Forum", "--date", "2026-09-10").code == 0
    done = kiosk("import", "--map", "Which sector do you work in?=category", f"{DATA}/eventbrite_attendees_v1.csv")
    assert done.code == 0, done.err
    assert kiosk("stats", "--json").json()["by_category"]["Social services"] == {"expected": 1, "checked_in": 0}
    people = {p["code"]: p for p in kiosk("attendees", "--json").json()}
    assert people["300100000110001"]["category"] == "Social services"
    wrong = kiosk("import", "--map", "Which sector?=category", f"{DATA}/eventbrite_attendees_v1.csv")
    assert wrong.code == 2 and "no column 'Which sector?'" in wrong.err
