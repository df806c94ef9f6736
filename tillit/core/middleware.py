from django.utils.cache import add_never_cache_headers


class PrivatePagesNotCachedMiddleware:
    """Pages shown to a signed-in user are never stored by browsers or proxies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
