"""The layout holds: apps depend one way only, and no file imports in a circle.

    languages <- agendas <- resolutions, scheduling <- interchange <- publishing <- public <- config

Every import of the product's code is read from its source (imports inside functions
included), and so are the dependencies of the migrations and the models they point to.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The layer of each top-level package: a package may import only from lower layers
# (and from itself). resolutions and scheduling share a layer and know nothing of each
# other.
LAYERS = {
    "languages": 0,
    "agendas": 1,
    "resolutions": 2,
    "scheduling": 2,
    "interchange": 3,
    "drafting": 3,
    "publishing": 4,
    "public": 5,
    "config": 6,
}


def product_files():
    for package in LAYERS:
        yield from sorted((ROOT / package).rglob("*.py"))


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path):
    """Absolute names of the product modules ``path`` imports, anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            found.add(target)
            # "from . import services" imports a module, not a name.
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {m for m in found if m.split(".")[0] in LAYERS}


def existing(module, modules):
    """The module an import names, or the module holding the imported name."""
    while module and module not in modules:
        module = module.rpartition(".")[0]
    return module


@pytest.fixture(scope="module")
def graph():
    modules = {module_name(path): path for path in product_files()}
    return {
        name: {existing(m, modules) for m in imports_of(path)} - {name, ""}
        for name, path in modules.items()
    }


def test_every_app_imports_only_from_the_layers_below(graph):
    wrong = []
    for module, targets in graph.items():
        app = module.split(".")[0]
        for target in targets:
            other = target.split(".")[0]
            if other != app and LAYERS[other] >= LAYERS[app]:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def cycles_in(graph):
    """Tarjan's strongly connected components; any component of two or more is a cycle."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_module_imports_in_a_circle(graph):
    assert cycles_in(graph) == []


MODEL_REFERENCE = re.compile(r"""['"](\w+)\.\w+['"]""")


@pytest.mark.parametrize("app", [app for app in LAYERS if (ROOT / app / "migrations").is_dir()])
def test_migrations_depend_only_on_the_layers_below(app):
    wrong = []
    for path in sorted((ROOT / app / "migrations").glob("0*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            # dependencies = [("agendas", "0001_initial"), ...]
            if isinstance(node, ast.Tuple) and len(node.elts) == 2:
                first = node.elts[0]
                if (
                    isinstance(first, ast.Constant)
                    and first.value in LAYERS
                    and first.value != app
                    and LAYERS[first.value] >= LAYERS[app]
                ):
                    wrong.append(f"{path.name} depends on {first.value}")
        # to="agendas.session" in a relation
        for referenced in MODEL_REFERENCE.findall(source):
            if referenced in LAYERS and referenced != app and LAYERS[referenced] >= LAYERS[app]:
                wrong.append(f"{path.name} points to a model of {referenced}")
    assert wrong == []


def test_cycles_are_found_through_any_number_of_modules():
    graph = {"a.x": {"a.y"}, "a.y": {"a.z"}, "a.z": {"a.x"}, "a.w": {"a.x"}}
    assert cycles_in(graph) == [["a.x", "a.y", "a.z"]]


def test_the_layering_test_sees_an_import_inside_a_function(tmp_path, monkeypatch):
    """The checks above read real imports: an upward import in a function is caught."""
    agendas = tmp_path / "agendas"
    agendas.mkdir()
    (agendas / "__init__.py").write_text("")
    (agendas / "bad.py").write_text("def f():\n    from publishing import services\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert imports_of(agendas / "bad.py") == {"publishing", "publishing.services"}
