# One image for web, worker and beat (see docker-compose.yml).
FROM python:3.12-slim

# gettext: compilemessages; Noto fonts: Chinese, Arabic and the other scripts in pages and
# PDFs; Pango and HarfBuzz: WeasyPrint's rendering libraries.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        gettext fonts-noto-cjk fonts-noto-core \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --create-home --uid 1000 app

# Dependencies first, so that a change of source alone reuses this layer: with only
# pyproject.toml present the project's package list is empty and pip installs just the
# dependencies.
COPY pyproject.toml ./
RUN pip install . && pip uninstall -y agendas-platform

COPY . .
# The source is the installed project (templates, static files and catalogues live
# beside the code), so every service runs one copy of it. The catalogues are compiled
# here rather than when web starts, so that worker and beat, which render translated
# text too, have them as well.
RUN pip install --no-deps -e . \
    && if find . -type d -name locale | grep -q .; then \
        DEBUG=1 python manage.py compilemessages -v 0; \
    fi \
    && chown -R app:app /app

USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
