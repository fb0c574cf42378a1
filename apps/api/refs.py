"""Small shapes that several resources embed."""

from ninja import Schema

from apps.applications.models import Status


class CompanyRef(Schema):
    id: int
    name: str


class ApplicationRef(Schema):
    id: int
    company: CompanyRef
    role_title: str
    status: Status


class ContactRef(Schema):
    id: int
    name: str
