def seed_trials() -> str:
    return ""
