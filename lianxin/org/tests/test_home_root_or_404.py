"""`access.home_root_or_404`: the organisation a login works in; a login of no organisation
gets the 404 every outsider gets (the API and the pages call this one rule)."""

import pytest
from django.http import Http404

from lianxin.org.access import home_root_or_404


def test_a_station_cadre_works_in_his_organisation(cast):
    assert home_root_or_404(cast.handler) == cast.root
    assert home_root_or_404(cast.outsider) == cast.other


def test_a_login_of_no_organisation_gets_404(cast):
    with pytest.raises(Http404):
        home_root_or_404(cast.nobody)
