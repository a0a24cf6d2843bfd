from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from lianxin.api.api import api
from lianxin.cases.urls import workbench_urls as case_urls
from lianxin.catalog.urls import workbench_urls as catalog_urls
from lianxin.core import export_views, secondfactor_views
from lianxin.core import views as core_views
from lianxin.discipline.urls import workbench_urls as discipline_urls
from lianxin.intake import views as intake_views
from lianxin.intake import wechat
from lianxin.intake.open311.urls import urlpatterns as open311_urls
from lianxin.liaison.urls import workbench_urls as liaison_urls
from lianxin.mediation.urls import workbench_urls as mediation_urls
from lianxin.org import record as org_record
from lianxin.org import views as org_views
from lianxin.partywork.urls import workbench_urls as partywork_urls
from lianxin.portal import views as portal_views
from lianxin.routing.urls import workbench_urls as routing_urls
from lianxin.rules.urls import workbench_urls as rules_urls
from lianxin.stats.urls import workbench_urls as stats_urls
from lianxin.supervision.urls import workbench_urls as supervision_urls

workbench = (
    [
        path("", core_views.workbench_home, name="home"),
        path("calendar/", core_views.calendar_page, name="calendar"),
        path(
            "calendar/overrides/<int:pk>/clear/",
            core_views.calendar_override_clear,
            name="calendar_override_clear",
        ),
        path("org/", org_views.unit_tree, name="unit_tree"),
        path("org/units/<int:pk>/", org_views.unit_detail, name="unit_detail"),
        path("org/units/<int:pk>/edit/", org_views.unit_edit, name="unit_edit"),
        path("org/units/<int:pk>/add-unit/", org_views.unit_create, name="unit_create"),
        path("org/units/<int:pk>/add-person/", org_views.person_create, name="person_create"),
        path("org/units/<int:pk>/grant/", org_views.grant_create, name="grant_create"),
        path("org/grants/<int:pk>/revoke/", org_views.grant_revoke, name="grant_revoke"),
        path("org/people/", org_views.people_list, name="people_list"),
        path("org/people/roster.xlsx", org_views.people_export, name="people_export"),
        path("org/people/<int:pk>/", org_views.person_detail, name="person_detail"),
        path("org/people/<int:pk>/edit/", org_views.person_edit, name="person_edit"),
        path("org/people/<int:pk>/record/", org_record.cadre_record, name="cadre_record"),
        path("org/my-record/", org_record.my_record, name="my_record"),
        path(
            "org/people/<int:pk>/second-factor-reset/",
            org_views.second_factor_reset,
            name="second_factor_reset",
        ),
        path("inbox/", core_views.inbox, name="inbox"),
        path("exports/<int:pk>/", export_views.export_job, name="export_job"),
        path("exports/<int:pk>/download/", export_views.export_download, name="export_download"),
        *case_urls,
        *partywork_urls,
        *catalog_urls,
        *liaison_urls,
        *mediation_urls,
        *rules_urls,
        *discipline_urls,
        *stats_urls,
        *supervision_urls,
        *routing_urls,
        path("imports/", intake_views.import_list, name="imports"),
        path("imports/template.xlsx", intake_views.import_template, name="import_template"),
        path("imports/<int:pk>/", intake_views.import_detail, name="import_detail"),
        path("imports/<int:pk>/confirm/", intake_views.import_confirm, name="import_confirm"),
    ],
    "workbench",
)

urlpatterns = [
    path("", include((portal_views.urlpatterns, "portal"))),
    path("workbench/", include(workbench)),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/second-factor/", secondfactor_views.verify, name="second_factor"),
    path("accounts/second-factor/enrol/", secondfactor_views.enrol, name="second_factor_enrol"),
    path("accounts/logout-everywhere/", core_views.logout_everywhere, name="logout_everywhere"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("open311/v2/", include((open311_urls, "open311"))),
    path("channels/wechat/<slug:account>/", wechat.callback, name="wechat_callback"),
    path("admin/", admin.site.urls),
]

handler404 = "lianxin.portal.views.not_found"
handler403 = "lianxin.portal.views.forbidden"
handler500 = "lianxin.portal.views.server_error"
