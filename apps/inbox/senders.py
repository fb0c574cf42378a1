"""What a sender's address says: its registrable domain, and whether an applicant-tracking
system or a job board sent it."""

from apps.inbox import rules


def registrable_domain(domain: str) -> str:
    """The domain a company registers: "mail.globex.co.uk" -> "globex.co.uk"."""
    labels = [label for label in domain.lower().strip(".").split(".") if label]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "ac"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def ats_name(domain: str) -> str:
    """The applicant-tracking system behind a sender domain, or ""."""
    domain = domain.lower()
    for known, name in rules.ATS_DOMAINS.items():
        if domain == known or domain.endswith("." + known):
            return name
    return ""


def is_job_board(domain: str) -> bool:
    return registrable_domain(domain) in rules.JOB_BOARD_DOMAINS
