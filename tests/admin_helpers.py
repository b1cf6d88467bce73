"""Helpers for driving the admin's change forms in tests."""

import datetime


def _value(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def formset_of(response, model):
    """The inline formset of ``model`` on an admin change page."""
    (formset,) = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is model
    ]
    return formset


def form_data(response):
    """The POST data that resubmits an admin change page unchanged (extra rows left out)."""
    data = {}

    def add(form):
        for name in form.fields:
            bound = form[name]
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = [str(v) for v in value]
            else:
                data[bound.html_name] = _value(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        initial = formset.initial_forms
        data[f"{formset.prefix}-TOTAL_FORMS"] = len(initial)
        data[f"{formset.prefix}-INITIAL_FORMS"] = len(initial)
        for form in initial:
            add(form)
    return data
