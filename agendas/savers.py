"""The service that saves each model, across the three apps.

The admin and loaders receive instances of many models and must never bypass a model's
rules; they look its service up here. Each app's ``services.SAVERS`` lists its own.
"""


def saver_for(model):
    """The service function that validates and saves instances of ``model``."""
    # Imported here: resolutions and scheduling services import agendas.services.
    from resolutions.services import SAVERS as RESOLUTION_SAVERS
    from scheduling.services import SAVERS as SCHEDULING_SAVERS

    from .services import SAVERS as AGENDA_SAVERS

    return {**AGENDA_SAVERS, **RESOLUTION_SAVERS, **SCHEDULING_SAVERS}[model]
