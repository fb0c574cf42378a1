"""Demo contacts and interactions for `seed_everything`, written with bulk_create."""

import datetime
import random
import unicodedata

from apps.applications.models import Company
from apps.contacts.models import Contact, ContactKind, Interaction, InteractionKind
from apps.core.dates import today_for

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Elif", "Finn", "Grace", "Hugo", "Ines", "Jae", "Kofi",
         "Lena", "Marek", "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tara"]  # fmt: skip
LAST = ["Almeida", "Brandt", "Costa", "Diallo", "Evans", "Fischer", "Gupta", "Hansen", "Ito",
        "Jansen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov"]  # fmt: skip
TITLES = ["Engineering manager", "Recruiter", "Senior engineer", "Designer", "Data lead", ""]
MET = ["Former colleague", "Met at a meetup", "University friend", "Through a referral", ""]
NOTES = ["", "", "Offered to look at my CV.", "Knows the team at two companies I like."]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def seed_contacts(user, rng: random.Random, *, count: int = 30) -> str:
    today = today_for(user)
    companies = list(Company.objects.for_user(user).values_list("id", flat=True)[:40])
    kinds = [k for k in ContactKind.values if k != ContactKind.SUPPORT]
    contacts = []
    for index in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        support = index < 2
        contacts.append(
            Contact(
                owner=user,
                name=name,
                company_id=None if support or not companies else rng.choice(companies),
                title="" if support else rng.choice(TITLES),
                email=f"{_ascii(name).lower().replace(' ', '.')}.{index}@example.com",
                how_we_met="Friend" if support else rng.choice(MET),
                kind=ContactKind.SUPPORT if support else rng.choice(kinds),
                strength=5 if support else rng.randint(0, 5),
                notes=rng.choice(NOTES),
            )
        )
    Contact.objects.bulk_create(contacts, batch_size=1000)

    interactions = []
    for contact in contacts:
        last = None
        for _ in range(rng.randint(0, 4)):
            day = today - datetime.timedelta(days=rng.randint(0, 200))
            last = max(last or day, day)
            interactions.append(
                Interaction(
                    owner=user,
                    contact=contact,
                    happened_on=day,
                    kind=rng.choice([k for k in InteractionKind.values if k != "event"]),
                    notes=rng.choice(["", "Good chat about their team.", "Sent my CV."]),
                )
            )
        contact.last_contacted_on = last
    for _ in range(3):
        interactions.append(
            Interaction(
                owner=user,
                contact=None,
                happened_on=today - datetime.timedelta(days=rng.randint(5, 120)),
                kind=InteractionKind.EVENT,
                title=rng.choice(["Python meetup", "Design systems night", "Careers fair"]),
                people_met="\n".join(rng.sample(FIRST, 2)),
            )
        )
    Interaction.objects.bulk_create(interactions, batch_size=1000)
    Contact.objects.bulk_update(contacts, ["last_contacted_on"], batch_size=1000)
    return f"{len(contacts)} contacts, {len(interactions)} interactions"
