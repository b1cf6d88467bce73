"""Which service saves each model, for callers that handle instances of many models.

The admin's shared mixins and data loaders receive instances of models from several
apps and must never bypass a model's rules; they look its service up here. Each app
registers its own ``services.SAVERS`` when it is ready (``<app>/apps.py``), so this
module needs to import none of them.
"""

_SAVERS = {}


def register(savers):
    """Record ``{Model: service}``; called by each app's ``AppConfig.ready``."""
    _SAVERS.update(savers)


def saver_for(model):
    """The service function that validates and saves instances of ``model``."""
    try:
        return _SAVERS[model]
    except KeyError:
        raise LookupError(f"No service saves {model._meta.label}; register one.") from None
