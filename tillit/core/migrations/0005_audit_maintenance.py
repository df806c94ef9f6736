"""The audit trail stays append-only, with one deliberate exception for the two privacy
services (``tillit.core.audit.audit_maintenance``): inside a transaction that has set
``tillit.audit_maintenance`` to ``on``, old rows may be deleted (retention) and an update may
only forget who someone was: ``actor_id``, ``ip_address`` and ``object_id`` set to empty.
Every other UPDATE or DELETE is refused, as before."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION core_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    IF current_setting('tillit.audit_maintenance', true) = 'on' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        IF (to_jsonb(NEW) - 'actor_id' - 'ip_address' - 'object_id')
                = (to_jsonb(OLD) - 'actor_id' - 'ip_address' - 'object_id')
            AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
            AND (NEW.ip_address IS NULL OR NEW.ip_address = OLD.ip_address)
            AND (NEW.object_id = '' OR NEW.object_id = OLD.object_id) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

BACKWARD = """
CREATE OR REPLACE FUNCTION core_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0004_scheduledrun")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
