import os


def clean_environment(**overrides) -> dict:
    """The environment for a subprocess of the project, without test-only switches."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **overrides}
