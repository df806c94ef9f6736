"""The client address: REMOTE_ADDR unless trusted proxies say otherwise, never what a client
writes into X-Forwarded-For itself."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from tillit.core.clients import client_address


def _request(forwarded=None, remote="10.0.0.5"):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(_request("198.51.100.7")) == "10.0.0.5"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # the client's own entry is skipped
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, "2001:db8::1", "2001:db8::1"),
        (2, "198.51.100.7", "10.0.0.5"),  # shorter than the chain of proxies
        (1, "not-an-address", "10.0.0.5"),
        (1, "", "10.0.0.5"),
    ],
)
def test_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(_request(forwarded)) == expected


def test_no_address_at_all():
    assert client_address(_request(remote="")) is None


@pytest.mark.django_db
def test_allauth_counts_by_the_same_address_and_a_short_header_is_no_error(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    response = client.post(
        "/konto/login/",
        {"login": "ingen@example.no", "password": "feil"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="198.51.100.7",  # one hop where two proxies were promised
    )
    assert response.status_code == 200
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7, 10.0.0.9"
    )
    assert get_adapter(request).get_client_ip(request) == "198.51.100.7"
