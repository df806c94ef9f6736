"""The home page, without a namespace (``{% url 'home' %}``), included first by ``tillit.urls``."""

from django.urls import path

from .home_views import HomeView

urlpatterns = [path("", HomeView.as_view(), name="home")]
