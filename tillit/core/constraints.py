"""Database constraints that speak to people: a violated constraint reports its own message,
and one about a single field reports it at that field, so the form shows it by the input."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsOnFields:
    """Model mixin. ``constraint_fields`` maps a constraint's name to the field it is about;
    such a constraint needs a ``violation_error_code`` (its errors are found by it)."""

    constraint_fields: dict[str, str] = {}

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            fields = {
                constraint.violation_error_code: self.constraint_fields[constraint.name]
                for _model, constraints in self.get_constraints()
                for constraint in constraints
                if constraint.name in self.constraint_fields
            }
            moved: dict[str, list] = {}
            for name, errors in error.error_dict.items():
                for each in errors:
                    target = fields.get(each.code, name) if name == NON_FIELD_ERRORS else name
                    moved.setdefault(target, []).append(each)
            raise ValidationError(moved) from None
