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
