from django.db import migrations, models
import django.db.models.deletion


def forget_tokens(apps, schema_editor):
    """Old tokens were stored in clear (and some were predictable): drop them; a repeat of
    a submission made before this release makes a new case, which a dispatcher can merge."""
    apps.get_model("cases", "Case").objects.exclude(submit_key=None).update(submit_key=None)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_attachment"),
    ]

    operations = [
        migrations.RenameField(model_name="case", old_name="submit_token", new_name="submit_key"),
        migrations.RunPython(forget_tokens, migrations.RunPython.noop, elidable=True),
        migrations.CreateModel(
            name="PhoneProof",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code_digest", models.CharField(max_length=64)),
                ("created_at", models.DateTimeField()),
                ("expires_at", models.DateTimeField()),
                ("tries", models.PositiveSmallIntegerField(default=0)),
                ("used_at", models.DateTimeField(blank=True, null=True)),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cases.case",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["case", "expires_at"], name="phone_proof_open")],
            },
        ),
    ]
