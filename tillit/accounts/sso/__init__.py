"""Single sign-on through one OpenID Connect provider (ID-porten, Feide or an Entra ID), on top
of allauth's generic provider: configuration from the environment (``config``), a nonce and no
national identity numbers (``provider``), the nonce check and sign-up rules (``adapter``), and
the provider's assurance level as multi-factor sign-in (``assurance``)."""
