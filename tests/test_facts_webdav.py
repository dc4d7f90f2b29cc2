"""WebDAV facts on the 5xx pages.

RFC 4331 §6 (Quota and Size Properties for DAV Collections) defines the preconditions
`DAV:quota-not-exceeded` and `DAV:sufficient-disk-space`; WebDAV servers report them with 507
(Apache httpd modules/dav/fs/quota.c: `tag = fs_low ? "sufficient-disk-space" :
"quota-not-exceeded"; ... status = HTTP_INSUFFICIENT_STORAGE`). So a page may not steer a
WebDAV quota away from 507."""

from __future__ import annotations

import pytest

QUOTA_PRECONDITIONS = ("DAV:quota-not-exceeded", "DAV:sufficient-disk-space")


def test_the_507_page_cites_the_webdav_quota_rfc(registry):
    assert any(s.rfc == 4331 and s.section == "6" for s in registry.get(507).spec)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_507_page_says_a_webdav_quota_is_507_with_its_precondition(registry, lang):
    text = registry.get(507).when_to_use[lang]
    assert "RFC 4331 §6" in text
    for name in QUOTA_PRECONDITIONS:
        assert f"`{name}`" in text, f"507.when_to_use.{lang} does not name {name}"
    assert "WebDAV" in registry.get(507).verdict[lang]


def test_the_207_example_lists_the_collection_itself_for_depth_1(registry):
    # RFC 4918 §9.1 and §10.2: Depth "1" applies PROPFIND to the resource and its internal
    # members, so the multistatus has a <response> for the requested collection too.
    import re

    example = registry.get(207).example
    request_uri = re.match(r"PROPFIND (\S+) HTTP/1.1", example).group(1)
    assert "Depth: 1" in example
    hrefs = re.findall(r"<href>(.*?)</href>", example)
    assert request_uri in hrefs, f"207 example: no <response> for {request_uri} itself"
    assert all(h.startswith(request_uri) for h in hrefs)
