"""Case work over HTTP: pushing adverts through ingest and the network update, tags, takedowns, watches."""

from __future__ import annotations

from datetime import UTC, datetime

from planted import PHONE_A, Api

from graph.casework import MAX_PUSH

PUSH = """mutation ($adverts: [AdvertInput!]!, $region: String) {
  ingestAdverts(adverts: $adverts, source: "analyst-push", region: $region) {
    run accepted rejected created unchanged advertIds networksUpdated rejects { index reason }
  }
}"""


def test_pushed_adverts_go_through_ingest_and_join_their_network(api: Api) -> None:
    adverts = [
        {
            "platform": "whatsapp",
            "postId": "push-1",
            "author": {"id": "4477001"},
            "text": "Same boat, new number soon. For now 07400 123456",
            "postedAt": "2024-05-20T08:00:00Z",
        },
        {"platform": "myspace", "postId": "push-2", "text": "x", "postedAt": "2024-05-20T08:00:00Z"},
    ]
    pushed = api.data(PUSH, {"adverts": adverts, "region": "GB"}, role="ingest")["ingestAdverts"]
    again = api.data(PUSH, {"adverts": adverts[:1], "region": "GB"}, role="ingest")["ingestAdverts"]
    joined = api.data(
        '{ advert(id: "whatsapp:push-1") { region mentions { identifier { id } } network { advertCount } } }'
    )["advert"]

    assert pushed["accepted"] == 1 and pushed["created"] == 1 and pushed["rejected"] == 1
    assert pushed["advertIds"] == ["advert:whatsapp:push-1"]
    assert pushed["rejects"][0]["index"] == 1 and "platform" in pushed["rejects"][0]["reason"]
    assert pushed["run"].startswith("run-")
    assert pushed["networksUpdated"] is True
    assert again["unchanged"] == 1
    assert joined["region"] == "GB"
    assert joined["mentions"][0]["identifier"]["id"] == PHONE_A
    assert joined["network"]["advertCount"] == 5  # network A, updated for the new advert


CONTEXT = """{
  a: advert(id: "telegram:-1003300001/1") { ...context }
  b: advert(id: "telegram:-1003300001/2") { ...context }
}
fragment context on Advert { author { id } chat { id name handle } forwardedFrom { id name handle } }"""


def test_an_advert_shows_the_chat_it_was_posted_in_and_where_it_was_forwarded_from(api: Api) -> None:
    group = {"id": "-1003300001", "name": "Channel crossings chat"}
    adverts = [
        {
            "platform": "telegram",
            "postId": "-1003300001/1",
            "author": {"id": "3300100", "name": "Member"},
            "chat": group,
            "forwardedFrom": {"handle": "@Boats_News", "id": "-1003300002", "name": "Boats News"},
            "text": "Seats this weekend, ask in the chat",
            "postedAt": "2024-05-21T08:00:00Z",
        },
        {
            "platform": "telegram",
            "postId": "-1003300001/2",
            "author": {"id": "3300101"},
            "chat": group,
            "text": "Anyone going on Sunday?",
            "postedAt": "2024-05-21T09:00:00Z",
        },
        {
            "platform": "telegram",
            "postId": "-1003300001/3",
            "chat": {"id": "-100\u00003300001"},
            "text": "x",
            "postedAt": "2024-05-21T09:00:00Z",
        },
    ]
    pushed = api.data(PUSH, {"adverts": adverts}, role="ingest")["ingestAdverts"]
    assert (pushed["created"], pushed["rejected"]) == (2, 1)
    assert pushed["rejects"][0]["reason"] == "chat.id: holds a NUL character (\\u0000) at character 5"

    shown = api.data(CONTEXT)
    chat = {"id": "account:telegram:-1003300001", "name": "Channel crossings chat", "handle": None}
    assert shown["a"] == {
        "author": {"id": "account:telegram:3300100"},
        "chat": chat,
        "forwardedFrom": {"id": "handle:telegram:boats_news", "name": "Boats News", "handle": "boats_news"},
    }
    assert shown["b"] == {"author": {"id": "account:telegram:3300101"}, "chat": chat, "forwardedFrom": None}
    planted = api.data('{ advert(id: "instagram:a2") { chat { id } forwardedFrom { id } } }')["advert"]
    assert planted == {"chat": None, "forwardedFrom": None}


def test_a_push_over_the_cap_is_refused_whole(api: Api) -> None:
    advert = {"platform": "x", "text": "t", "postedAt": "2024-05-20T08:00:00Z"}
    adverts = [{**advert, "postId": f"cap-{i}"} for i in range(MAX_PUSH + 1)]
    answer = api.post(PUSH, {"adverts": adverts}, role="ingest")

    assert [e["extensions"]["code"] for e in answer["errors"]] == ["LIMIT_EXCEEDED"]
    assert api.post('{ advert(id: "x:cap-0") { id } }')["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_tags_and_case_notes_show_on_the_node(api: Api) -> None:
    network = api.data('{ identifier(value: "+447400123456") { networks { key } } }')["identifier"][
        "networks"
    ][0]
    api.data(
        """mutation ($id: ID!) {
             tag(id: $id, label: "op-channel", note: "Calais boats, case 2024/117") { id } }""",
        {"id": network["key"]},
        role="admin",
    )
    tags = api.data(
        "query ($id: ID!) { network(id: $id) { tags { label note createdBy } } }", {"id": network["key"]}
    )

    assert tags["network"]["tags"] == [
        {"label": "op-channel", "note": "Calais boats, case 2024/117", "createdBy": api.key_ids["admin"]}
    ]
    missing = api.post('mutation { tag(id: "phone:+447400000000", label: "x") { id } }', role="admin")
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_marking_an_account_taken_down(api: Api) -> None:
    marked = api.data(
        """mutation {
             markTakenDown(account: "handle:x:lorryroutes", at: "2024-05-02T12:00:00Z") {
               id takenDownAt } }""",
        role="admin",
    )["markTakenDown"]

    assert marked == {"id": "handle:x:lorryroutes", "takenDownAt": "2024-05-02T12:00:00+00:00"}
    missing = api.post('mutation { markTakenDown(account: "handle:x:nobody_here") { id } }', role="admin")
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_a_watched_identifier_shows_new_adverts_in_the_watch_hits(api: Api) -> None:
    since = datetime.now(UTC).isoformat()  # the ingest runs stamp their start with this clock too
    watched = api.data(
        'mutation { watch(identifier: "+33 6 12 34 56 78", note: "garden chairs?") { identifier kind } }',
        role="admin",
    )["watch"]
    before = api.data("query ($s: DateTime!) { watchHits(since: $s) { advert { id } } }", {"s": since})
    api.data(
        PUSH,
        {
            "adverts": [
                {
                    "platform": "telegram",
                    "postId": "watch-1",
                    "text": "Nouvelle traversée, appelez le 06 12 34 56 78",
                    "postedAt": "2024-05-21T08:00:00Z",
                    "region": "FR",
                }
            ]
        },
        role="ingest",
    )
    after = api.data(
        """query ($s: DateTime!) {
             watchHits(since: $s) { identifier relation spans { text } advert { id } run } }""",
        {"s": since},
    )["watchHits"]

    assert watched == {"identifier": "phone:+33612345678", "kind": "phone"}
    assert before["watchHits"] == []  # the older advert with this phone is not new
    assert [(h["identifier"], h["advert"]["id"], h["spans"][0]["text"]) for h in after] == [
        ("phone:+33612345678", "advert:telegram:watch-1", "06 12 34 56 78")
    ]
    assert api.data("{ watchlist { identifier note } }", role="admin")["watchlist"] == [
        {"identifier": "phone:+33612345678", "note": "garden chairs?"}
    ]
    assert api.data('mutation { unwatch(identifier: "0033612345678") }', role="admin")["unwatch"] is True
