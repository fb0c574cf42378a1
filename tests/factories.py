import datetime

import factory

from apps.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Faker("first_name")
    timezone = "UTC"
    password = factory.django.Password("a-long-test-passphrase-42")


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Company"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Company {n}")


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application row as it would be stored. Tests about history use
    apps.applications.services.application_create instead, which also records the first move."""

    class Meta:
        model = "applications.Application"

    owner = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory, owner=factory.SelfAttribute("..owner"))
    role_title = factory.Sequence(lambda n: f"Role {n}")
    status = "applied"
    applied_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    status_changed_on = factory.SelfAttribute("applied_on")


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.StatusChange"

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.SelfAttribute("application.owner")
    from_status = ""
    to_status = factory.SelfAttribute("application.status")
    on = factory.SelfAttribute("application.status_changed_on")


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "applications.Interview"

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.SelfAttribute("application.owner")
    round_number = 1
    kind = "phone_screen"
    scheduled_at = factory.LazyFunction(
        lambda: (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3)).replace(
            microsecond=0
        )
    )


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    """A draft request by default; sent=True / answered=True give the dates those states need.
    Tests about the status rules go through apps.feedback.services instead."""

    class Meta:
        model = "feedback.FeedbackRequest"

    class Params:
        sent = factory.Trait(
            status="sent",
            asked_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=3)
            ),
            follow_up_on=factory.LazyAttribute(lambda o: o.asked_on + datetime.timedelta(days=7)),
        )
        answered = factory.Trait(
            status="answered",
            asked_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=5)
            ),
            answered_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=1)
            ),
            what_they_said="Strong portfolio; the system design answer needed more depth.",
            my_takeaways="Practise system design out loud.",
            tone="encouraging",
        )

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.SelfAttribute("application.owner")
    channel = "email"
    status = "draft"
    message = "Hello, could you share a little feedback on my application?"


# --- contacts and self-care -----------------------------------------------------------------
class ContactFactory(factory.django.DjangoModelFactory):
    """A contact row as stored; last_contacted_on is normally kept by the interaction services."""

    class Meta:
        model = "contacts.Contact"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    kind = "peer"
    strength = 2


class InteractionFactory(factory.django.DjangoModelFactory):
    """An interaction row as stored. Tests about "last in touch" use
    apps.contacts.services.interaction_log instead, which keeps the contact up to date."""

    class Meta:
        model = "contacts.Interaction"

    contact = factory.SubFactory(ContactFactory)
    owner = factory.SelfAttribute("contact.owner")
    kind = "message"
    happened_on = factory.LazyFunction(datetime.date.today)


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "selfcare.CheckIn"

    owner = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(datetime.date.today)
    mood = 3


class ApplicationContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "contacts.ApplicationContact"

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.SelfAttribute("application.owner")
    contact = factory.SubFactory(ContactFactory, owner=factory.SelfAttribute("..owner"))
    role = "referrer"
