"""Background tasks of the channels."""

from django_tasks import task


@task()
def run_import(batch_id: int) -> None:
    from .actions import import_run

    import_run(batch_id)


@task()
def fetch_media(case_id: int, url: str) -> str:
    from .media import attach_from

    return attach_from(case_id, url)
