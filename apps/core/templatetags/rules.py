"""Template filters that ask a model its own rule, so templates never write the rule out."""

import datetime

from django import template

register = template.Library()


@register.filter
def due_on(item, today: datetime.date) -> bool:
    """`{% if application|due_on:today %}`: whether the item's follow-up has come."""
    return item.follow_up_is_due(today)


@register.filter
def resting_on(user, today: datetime.date) -> bool:
    """`{% if user|resting_on:today %}`: whether the person is resting that day."""
    return user.is_resting_on(today)
