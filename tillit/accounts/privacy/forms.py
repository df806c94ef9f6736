from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(forms.Form):
    """The password (or, without one, the e-mail address) confirms the deletion; the service
    checks it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, has_password: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_password:
            field = self.fields["password"]
            field.label = _("Your e-mail address")
            field.strip = True
            field.widget = forms.EmailInput(attrs={"autocomplete": "email"})
