"""Visit templates: the sections notes go into and the structured fields beside them.

Templates are JSON files in ``resources/templates/``, each with Polish and
English titles and prompts.  They are validated at load; a broken file gets
one sentence naming the file and the problem.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from visitapp.errors import InvalidInput, NotFound
from visitapp.i18n import _
from visitapp.resources import resource_path

DEFAULT_TEMPLATE = "reference-visit"
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=100)]


class Text(BaseModel):
    """A string in both languages of the app."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    pl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.pl if lang == "pl" else self.en


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: Key
    title: Text
    prompt: Text | None = None


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: Key
    label: Text


class TemplateField(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: Key
    section: Key
    type: Literal["number", "choice", "list", "text"]
    label: Text
    min: float | None = None
    max: float | None = None
    choices: tuple[Choice, ...] = ()
    suggestions: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _choices_only_for_choice(self) -> TemplateField:
        if self.type == "choice" and not self.choices:
            raise ValueError("a choice field needs choices")
        if self.type != "choice" and self.choices:
            raise ValueError("only a choice field has choices")
        return self

    def check(self, value: Any) -> Any:
        """Validate one answer; returns it normalised or raises InvalidInput."""
        label = self.label.en
        if value is None:
            return None
        if self.type == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                try:
                    value = float(str(value).replace(",", "."))
                except ValueError:
                    raise InvalidInput(_("{field} must be a number.").format(field=label)) from None
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            if self.min is not None and value < self.min:
                raise InvalidInput(_("{field} must be at least {min}.").format(field=label, min=self.min))
            if self.max is not None and value > self.max:
                raise InvalidInput(_("{field} must be at most {max}.").format(field=label, max=self.max))
            return value
        if self.type == "choice":
            keys = [c.key for c in self.choices]
            if value not in keys:
                raise InvalidInput(
                    _("{field} must be one of: {choices}.").format(field=label, choices=", ".join(keys))
                )
            return value
        if self.type == "list":
            if isinstance(value, str):
                value = [part for part in (p.strip() for p in value.split(",")) if part]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise InvalidInput(_("{field} must be a list of texts.").format(field=label))
            return [v.strip() for v in value if v.strip()]
        return str(value)


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    key: Key
    version: int = Field(ge=1)
    title: Text
    description: Text | None = None
    sections: tuple[Section, ...] = Field(min_length=1)
    fields: tuple[TemplateField, ...] = ()

    @model_validator(mode="after")
    def _keys_unique_and_known(self) -> Template:
        section_keys = [s.key for s in self.sections]
        if len(set(section_keys)) != len(section_keys):
            raise ValueError("section keys must be unique")
        field_keys = [f.key for f in self.fields]
        if len(set(field_keys)) != len(field_keys):
            raise ValueError("field keys must be unique")
        for f in self.fields:
            if f.section not in section_keys:
                raise ValueError(f"field {f.key!r} names an unknown section {f.section!r}")
        return self

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise InvalidInput(
            _("The template {template} has no section {section}; its sections are: {keys}.").format(
                template=self.key, section=key, keys=", ".join(s.key for s in self.sections)
            )
        )

    def field(self, key: str) -> TemplateField:
        for f in self.fields:
            if f.key == key:
                return f
        raise InvalidInput(
            _("The template {template} has no field {field}.").format(template=self.key, field=key)
        )

    @property
    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections]


AGENDA_MODES = ("", "append", "replace")  # a visit's agenda_sections: no, after the template's, instead of them


def agenda_key(number: int) -> str:
    """The section key of the agenda's item ``number`` (1, 2, …)."""
    return f"agenda_{number}"


def visit_template(template_key: str, agenda: Sequence[str] = (), mode: str = "") -> Template:
    """The sections a visit's notes go into: its template's, with its agenda items as sections when asked.

    ``mode`` "append": the template's sections, then one per agenda item; "replace": one per agenda
    item, then only the template's sections that hold structured answers (so no answer loses its
    place); "" (or no agenda): the template as it is. The agenda's sections are keyed by position
    (``agenda_1``…) and titled by the item in both languages.
    """
    template = get_template(template_key)
    if mode not in AGENDA_MODES:
        raise InvalidInput(_("The agenda can be the sections instead of the template's (replace), after them "
                             "(append), or not at all; not {mode}.").format(mode=mode))
    items = [str(a).strip() for a in agenda if str(a).strip()]
    if not mode or not items:
        return template
    own = tuple(Section(key=agenda_key(i), title=Text(pl=item[:200], en=item[:200]))
                for i, item in enumerate(items, 1))
    if mode == "append":
        sections = template.sections + own
    else:
        with_fields = {f.section for f in template.fields}
        sections = own + tuple(s for s in template.sections if s.key in with_fields)
    return template.model_copy(update={"sections": sections})


def load_template_file(path: Path) -> Template:
    """Load and validate one template file; InvalidInput names the file and the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InvalidInput(
            _("Template {file} cannot be read: {reason}.").format(file=path, reason=err.strerror)) from err
    except json.JSONDecodeError as err:
        raise InvalidInput(
            _("Template {file} is not valid JSON (line {line}, column {col}).").format(
                file=path, line=err.lineno, col=err.colno
            )
        ) from err
    try:
        return Template.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise InvalidInput(
            _("Template {file} is invalid at {where}: {problem}.").format(file=path, where=where, problem=first["msg"])
        ) from err


def templates_dir() -> Path:
    return resource_path("templates")


@cache
def all_templates() -> dict[str, Template]:
    """Every template shipped in ``resources/templates``, by key."""
    found: dict[str, Template] = {}
    for path in sorted(templates_dir().glob("*.json")):
        template = load_template_file(path)
        found[template.key] = template
    return found


def get_template(key: str) -> Template:
    try:
        return all_templates()[key]
    except KeyError:
        raise NotFound(
            _("There is no template {key}; available: {keys}.").format(key=key, keys=", ".join(all_templates()))
        ) from None


@cache
def _field_labels() -> dict[str, Text]:
    """Every template field's label by its key (the first template that has the key names it)."""
    labels: dict[str, Text] = {}
    for template in all_templates().values():
        for f in template.fields:
            labels.setdefault(f.key, f.label)
    return labels


def field_label(key: str, lang: str) -> str:
    """A structured answer's label in ``lang`` ("Liczba pracowników w Krakowie"), "" for an unknown key: what
    the coordinator's window and ``visitapp disagreements`` call the fact ``answer:<key>``."""
    label = _field_labels().get(key)
    return label.get(lang) if label is not None else ""
