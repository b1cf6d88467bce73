"""Who gets what, for every URL of the site: generated from the URL configuration.

Every admin and public URL pattern is read from the resolver, its parameters filled
with real objects (a published agenda, and a draft that was never published), and
requested as each persona:

- ``anonymous``: not logged in;
- ``member``: logged in, not staff (a delegate with an account);
- ``staff``: staff without any permission;
- ``viewer``: staff who may view everything and change nothing;
- ``superuser``;
- ``translator``: a member of the group "Translators (French)" (``publishing.roles``):
  views what the draft's apps hold, changes their texts (the services keep it to
  French), adds, deletes and publishes nothing. Where a row does not name this
  persona, it gets what the viewer gets.

Each answer is compared with the table below, exactly. A URL the table does not decide
(a new page, a new model in the admin) fails the test until someone writes down who may
see it; so does an entry for a URL that no longer exists. The draft's words appear in no
answer to anyone but staff allowed to view agendas.
"""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from reversion.models import Version

from agendas import history
from agendas.models import Agenda, Footnote
from publishing.models import PublishedVersion
from publishing.roles import ensure_roles, translators_group_name
from publishing.services import publish_agenda
from tests.agendas.test_admin import LOGIN_RECORDS, MAKERS
from tests.factories import (
    AgendaFactory,
    AgendaItemFactory,
    BodyFactory,
    CitationFactory,
    DocumentationLinkFactory,
    SessionFactory,
    SlotItemFactory,
    TimeSlotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "member", "staff", "viewer", "superuser", "translator")
# A redirect to the admin's login page: what the admin answers whoever may not enter.
LOGIN = "302 to login"

DAY = datetime.date(2020, 8, 31)
DRAFT_DAY = datetime.date(2021, 3, 1)
DRAFT_WORDS = "Unpublished draft wording"


def row(anonymous, member, staff, viewer, superuser, translator=None):
    translator = viewer if translator is None else translator
    statuses = (anonymous, member, staff, viewer, superuser, translator)
    return dict(zip(PERSONAS, statuses, strict=True))


def everyone(status):
    return row(status, status, status, status, status)


# --- What each persona may do --------------------------------------------------------------

ADMIN_SITE = {
    "admin:index": row(LOGIN, LOGIN, 200, 200, 200),
    # A member is told they are logged in but may not enter; staff go straight in.
    "admin:login": row(200, 200, 302, 302, 302),
    # Logging out takes a POST; anyone who is not staff is sent to the admin's index.
    "admin:logout": row(302, 302, 405, 405, 405),
    "admin:password_change": row(LOGIN, LOGIN, 200, 200, 200),
    "admin:password_change_done": row(LOGIN, LOGIN, 200, 200, 200),
    "admin:jsi18n": row(LOGIN, LOGIN, 200, 200, 200),
    # Choices of the agenda's session field: for those who may view sessions.
    "admin:autocomplete": row(LOGIN, LOGIN, 403, 200, 200),
    # "View on site" of a published version leads to its public page.
    "admin:view_on_site": row(LOGIN, LOGIN, 302, 302, 302),
    "admin:catch_all": row(LOGIN, LOGIN, 404, 404, 404),
}
APP_LIST = row(LOGIN, LOGIN, 404, 200, 200)
# Users, groups and login records are not the translators' to see.
AUTH_APP_LIST = row(LOGIN, LOGIN, 404, 200, 200, translator=404)

# The pages every ModelAdmin has, for a model staff edit.
EDITABLE = {
    "changelist": row(LOGIN, LOGIN, 403, 200, 200),
    "add": row(LOGIN, LOGIN, 403, 403, 200),
    "change": row(LOGIN, LOGIN, 403, 200, 200),
    "history": row(LOGIN, LOGIN, 403, 200, 200),
    "delete": row(LOGIN, LOGIN, 403, 403, 200),
    # <id>/ leads to <id>/change/, which then decides.
    "redirect": row(LOGIN, LOGIN, 302, 302, 302),
}
# Records nobody writes by hand: published versions (publishing writes them, and they
# never change) and django-axes' login records (logging in writes them; a superuser
# may delete one to lift a lockout).
# The content, whose history is recorded: the history page (above) for staff who may
# view it; restoring a version for staff who may change it (a GET leads back to the
# history page).
RECORDED = {**EDITABLE, "restore": row(LOGIN, LOGIN, 403, 403, 302, translator=302)}
# A session has no text to translate: translators may not change it, nor restore it.
RECORDED_UNTRANSLATED = {**EDITABLE, "restore": row(LOGIN, LOGIN, 403, 403, 302)}
PUBLISHED = {**EDITABLE, "add": row(LOGIN, LOGIN, 403, 403, 403)}
PUBLISHED["delete"] = row(LOGIN, LOGIN, 403, 403, 403)
LOGIN_RECORD = {**EDITABLE, "add": row(LOGIN, LOGIN, 403, 403, 403)}

# What the admin holds beside the agendas: users, groups, login records.
NOT_TRANSLATORS = {
    action: {**statuses, "translator": 302 if action == "redirect" else 403}
    for action, statuses in EDITABLE.items()
}
NOT_TRANSLATORS_LOGIN_RECORD = {
    action: {**statuses, "translator": 302 if action == "redirect" else 403}
    for action, statuses in LOGIN_RECORD.items()
}

MODEL_ADMINS = {
    "auth.group": NOT_TRANSLATORS,
    "auth.user": NOT_TRANSLATORS,
    "axes.accessattempt": NOT_TRANSLATORS_LOGIN_RECORD,
    "axes.accesslog": NOT_TRANSLATORS_LOGIN_RECORD,
    "axes.accessfailurelog": NOT_TRANSLATORS_LOGIN_RECORD,
    "agendas.body": RECORDED,
    "agendas.venue": RECORDED,
    "agendas.room": RECORDED,
    "agendas.session": RECORDED_UNTRANSLATED,
    "agendas.agenda": RECORDED,
    "agendas.agendaitem": RECORDED,
    "agendas.document": RECORDED,
    "agendas.documentpurpose": RECORDED,
    "resolutions.resolution": RECORDED,
    "scheduling.jointmeeting": RECORDED,
    "scheduling.timeslot": RECORDED,
    "publishing.publishedversion": PUBLISHED,
}

# Pages a ModelAdmin adds to its own.
MODEL_ADMIN_EXTRAS = {
    # The draft as it would be published: for staff who may view agendas.
    "admin:agendas_agenda_preview": row(LOGIN, LOGIN, 403, 200, 200),
    # The confirmation before publishing: for staff who may change agendas.
    "admin:agendas_agenda_publish": row(LOGIN, LOGIN, 403, 403, 200),
    # The agenda as a file: for staff who may view agendas.
    "admin:agendas_agenda_file": row(LOGIN, LOGIN, 403, 200, 200),
    # Creating or updating agendas from a file: for staff who may add and change them.
    "admin:agendas_agenda_import": row(LOGIN, LOGIN, 403, 403, 200),
    "admin:agendas_agenda_import_document": row(LOGIN, LOGIN, 403, 403, 200),
    # A translation file (XLIFF) of the agenda: for staff who may view agendas; reading
    # one back in: for staff who may change them (translators: their language only).
    "admin:agendas_agenda_xliff": row(LOGIN, LOGIN, 403, 200, 200),
    "admin:agendas_agenda_xliff_import": row(LOGIN, LOGIN, 403, 403, 200, translator=200),
    # What is left to translate in each language: for staff who may view agendas.
    "admin:agendas_agenda_translations": row(LOGIN, LOGIN, 403, 200, 200),
    "admin:auth_user_password_change": row(LOGIN, LOGIN, 403, 403, 200),
}

# The drafting pages (drafting/): the agenda's page for those who may view agendas;
# every page that changes something for those who may change them (a GET of such a
# page only leads back to the agenda's page); a new agenda for those who may add one.
VIEW_AGENDAS = row(LOGIN, LOGIN, 403, 200, 200)
# Translators may change agendas (their texts): the services refuse the rest.
CHANGE_AGENDAS = row(LOGIN, LOGIN, 403, 403, 302, translator=302)
DRAFTING = {
    "drafting:agenda": VIEW_AGENDAS,
    "drafting:outline": CHANGE_AGENDAS,
    "drafting:editions": CHANGE_AGENDAS,
    "drafting:item": CHANGE_AGENDAS,
    "drafting:documents": CHANGE_AGENDAS,
    "drafting:citations": CHANGE_AGENDAS,
    "drafting:footnotes": CHANGE_AGENDAS,
    "drafting:purpose": CHANGE_AGENDAS,
    "drafting:remove[documentation]": CHANGE_AGENDAS,
    "drafting:remove[citation]": CHANGE_AGENDAS,
    "drafting:remove[footnote]": CHANGE_AGENDAS,
    # The grid is a form: its GET shows it, to those who may change agendas.
    "drafting:timetable": row(LOGIN, LOGIN, 403, 403, 200, translator=200),
    "drafting:new-agenda": row(LOGIN, LOGIN, 403, 403, 200),
}

# The public site is the same for everyone, and shows published versions only: each
# page filled with the published agenda's parameters, and with the draft's.
PUBLIC = {
    "public:home": everyone(200),
    "public:search": everyone(200),
    "public:programme-today": everyone(302),
    "public:body[published]": everyone(200),
    "public:body[draft]": everyone(404),
    "public:session[published]": everyone(200),
    "public:session[draft]": everyone(404),
    "public:agenda[published]": everyone(200),
    "public:agenda[draft]": everyone(404),
    # Version 1 is superseded by version 2, and stays readable.
    "public:agenda-version[published]": everyone(200),
    "public:agenda-version[draft]": everyone(404),
    "public:programme[published]": everyone(200),
    # A day on which only the draft meets: an empty programme.
    "public:programme[draft]": everyone(200),
    "sitemap": everyone(200),
    "sitemap-home": everyone(200),
    # Agendas are listed in files of 500: the first exists as soon as one is live.
    "sitemap-agendas[published]": everyone(200),
    "sitemap-agendas[draft]": everyone(200),
    # A year's page lists what is live in it; the draft's year has nothing live.
    "public:year[published]": everyone(200),
    "public:year[draft]": everyone(404),
    "public:body-year[published]": everyone(200),
    "public:body-year[draft]": everyone(404),
    # A GET sets no language: the view only sends the visitor back (to the home page).
    "set_language": everyone(302),
}


def expectations():
    expected = {**ADMIN_SITE, **MODEL_ADMIN_EXTRAS, **DRAFTING, **PUBLIC}
    for label, pages in MODEL_ADMINS.items():
        app_label, model_name = label.split(".")
        for action, statuses in pages.items():
            expected[f"admin:{app_label}_{model_name}_{action}"] = statuses
    for app_label in {label.split(".")[0] for label in MODEL_ADMINS}:
        expected[f"admin:app_list[{app_label}]"] = (
            AUTH_APP_LIST if app_label in ("auth", "axes") else APP_LIST
        )
    return expected


# --- The URLs, read from the resolver --------------------------------------------------------


def url_patterns(patterns=None, namespace=""):
    """(name, pattern) of every URL pattern, with the namespace in the name."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern.url_patterns, inner)
        else:
            assert isinstance(pattern, URLPattern)
            yield (f"{namespace}{pattern.name}" if pattern.name else None), pattern


def model_admin_of(pattern):
    return getattr(pattern.callback, "model_admin", None)


class Site:
    """The objects that fill the URLs' parameters."""

    def __init__(self):
        body = BodyFactory(slug="wg-prevention")
        session = SessionFactory(body=body, number=11, start_date=DAY)
        self.agenda = AgendaFactory(session=session, symbol="TEST/WG.9/2020/1")
        item = AgendaItemFactory(agenda=self.agenda, title_en="Prevention of corruption")
        SlotItemFactory(slot=TimeSlotFactory(session=session, date=DAY), item=item)
        self.version = publish_agenda(self.agenda)
        publish_agenda(self.agenda)

        # Never published: its words must reach nobody but staff who may view it.
        draft_body = BodyFactory(slug="wg-draft", name_en=DRAFT_WORDS)
        draft_session = SessionFactory(
            body=draft_body, number=5, start_date=DRAFT_DAY, end_date=DRAFT_DAY
        )
        self.draft = AgendaFactory(
            session=draft_session, symbol="DRAFT/2021/1", slug="draft-agenda"
        )
        draft_item = AgendaItemFactory(agenda=self.draft, title_en=DRAFT_WORDS)
        self.draft_item = draft_item
        self.draft_rows = {
            "documentation": DocumentationLinkFactory(item=draft_item),
            "citation": CitationFactory(item=draft_item, resolution__body=draft_body),
            "footnote": Footnote.objects.create(
                agenda=self.draft, item=draft_item, placement="annotation", text_en="Note."
            ),
        }
        SlotItemFactory(
            slot=TimeSlotFactory(session=draft_session, date=DRAFT_DAY), item=draft_item
        )

        self.objects = {}
        for model in admin.site._registry:
            if model is Agenda:
                self.objects[model] = self.draft
            elif model is PublishedVersion:
                self.objects[model] = self.version
            elif model is Group:
                self.objects[model] = Group.objects.create(name="Editors")
            elif model is get_user_model():
                self.objects[model] = UserFactory(username="someone-else")
            elif model in MAKERS or model in LOGIN_RECORDS:
                self.objects[model] = {**MAKERS, **LOGIN_RECORDS}[model]()
        # A version of every recorded object, for the addresses that restore one.
        with history.recording():
            history.include(*self.objects.values())

    def public_values(self, variant):
        if variant == "published":
            return {"body": "wg-prevention", "session": "11", "document": "annotated-agenda",
                    "version": 1, "date": DAY, "year": DAY.year, "page": 1}  # fmt: skip
        return {"body": "wg-draft", "session": "5", "document": "draft-agenda",
                "version": 1, "date": DRAFT_DAY, "year": DRAFT_DAY.year, "page": 1}  # fmt: skip

    def urls(self):
        """{key: url} for every URL pattern, keyed as in ``expectations()``."""
        urls = {}
        with translation.override("en"):
            for name, pattern in url_patterns():
                urls.update(self._fill(name, pattern))
        return urls

    def _fill(self, name, pattern):
        params = set(pattern.pattern.regex.groupindex)
        model_admin = model_admin_of(pattern)
        if name is None and model_admin is not None:
            # <id>/, which leads to the change page.
            opts = model_admin.opts
            obj = self.objects[model_admin.model]
            key = f"admin:{opts.app_label}_{opts.model_name}_redirect"
            return {key: reverse("admin:index") + f"{opts.app_label}/{opts.model_name}/{obj.pk}/"}
        if name is None and params == {"url"}:
            return {"admin:catch_all": reverse("admin:index") + "no-such-page/"}
        if name == "admin:app_list":
            return {
                f"admin:app_list[{label}]": reverse(name, kwargs={"app_label": label})
                for label in {m._meta.app_label for m in admin.site._registry}
            }
        if name == "admin:autocomplete":
            query = "?app_label=agendas&model_name=agenda&field_name=session"
            return {name: reverse(name) + query}
        if name == "admin:view_on_site":
            content_type = ContentType.objects.get_for_model(PublishedVersion)
            return {name: reverse(name, args=[content_type.pk, self.version.pk])}
        if name == "admin:auth_user_password_change":
            return {name: reverse(name, kwargs={"id": self.objects[get_user_model()].pk})}
        if name.startswith("admin:") and params == {"object_id", "version_id"}:
            obj = self._object_for(name)
            version = Version.objects.get_for_object(obj).first()
            return {name: reverse(name, kwargs={"object_id": obj.pk, "version_id": version.pk})}
        if name.startswith("admin:") and params == {"object_id"}:
            obj = self._object_for(name)
            return {name: reverse(name, kwargs={"object_id": obj.pk})}
        if name.startswith("drafting:"):
            return self._drafting(name, params)
        if name == "public:search":
            return {name: reverse(name) + "?q=" + DRAFT_WORDS.split()[0]}
        if params:
            return {
                f"{name}[{variant}]": reverse(
                    name, kwargs={p: self.public_values(variant)[p] for p in params}
                )
                for variant in ("published", "draft")
            }
        return {name: reverse(name)}

    def _drafting(self, name, params):
        if params == {"kind", "pk"}:
            return {
                f"{name}[{kind}]": reverse(name, kwargs={"kind": kind, "pk": row.pk})
                for kind, row in self.draft_rows.items()
            }
        objects = {
            "drafting:agenda": self.draft,
            "drafting:outline": self.draft,
            "drafting:editions": self.draft,
            "drafting:timetable": self.draft.session,
            "drafting:purpose": self.draft_rows["documentation"],
        }
        if not params:
            return {name: reverse(name)}
        return {name: reverse(name, kwargs={"pk": objects.get(name, self.draft_item).pk})}

    def _object_for(self, name):
        for model, obj in self.objects.items():
            prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
            if name.startswith(prefix):
                return obj
        raise KeyError(f"No object for {name}: add its model to Site.objects")


def client_for(persona):
    client = Client()
    if persona == "anonymous":
        return client
    user = UserFactory(
        username=persona,
        is_staff=persona != "member",
        is_superuser=persona == "superuser",
    )
    if persona == "viewer":
        user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    if persona == "translator":
        ensure_roles()
        user.groups.add(Group.objects.get(name=translators_group_name("fr")))
    client.force_login(user)
    return client


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    return response.status_code


# --- The tests -------------------------------------------------------------------------------


def test_every_url_of_the_site_has_decided_expectations():
    site = Site()
    assert set(site.urls()) == set(expectations())
    assert set(MODEL_ADMINS) == {model._meta.label_lower for model in admin.site._registry}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_exactly_the_expected_answer_from_every_url(persona):
    site = Site()
    client = client_for(persona)
    expected = {key: statuses[persona] for key, statuses in expectations().items()}

    actual = {}
    shows_draft = []
    for key, url in site.urls().items():
        response = client.get(url)
        actual[key] = outcome(response)
        if DRAFT_WORDS in response.content.decode(errors="replace"):
            shows_draft.append(key)

    assert actual == expected
    if persona in ("viewer", "superuser", "translator"):
        # Staff who may view agendas see the draft where the admin shows it.
        assert "admin:agendas_agenda_preview" in shows_draft
        assert all(key.startswith(("admin:", "drafting:")) for key in shows_draft)
    else:
        assert shows_draft == []
