"""Background tasks of the core, run by ``manage.py db_worker``; the scheduler enqueues them."""

from django_tasks import task

from . import retention


@task()
def purge_expired() -> dict[str, int]:
    """Delete what is past its retention time (the privacy statement lists the times)."""
    return retention.purge_expired()
