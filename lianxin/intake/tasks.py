"""Background tasks of the channels."""

from django_tasks import task


@task()
def run_import(batch_id: int) -> None:
    from .actions import import_run

    import_run(batch_id)
