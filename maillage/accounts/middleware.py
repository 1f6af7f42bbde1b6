from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin


class LanguageMiddleware(MiddlewareMixin):
    """French unless the person chose English: the switch's cookie, else the account.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored:
    Maillage is French first, and a choice made once persists.
    """

    def process_request(self, request):
        available = dict(settings.LANGUAGES)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in available:
            user = getattr(request, "user", None)
            account_language = getattr(user, "language", None)
            language = (
                account_language
                if account_language in available
                else settings.LANGUAGE_CODE
            )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        patch_vary_headers(response, ("Cookie",))
        return response
