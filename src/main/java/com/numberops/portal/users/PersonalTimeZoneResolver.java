package com.numberops.portal.users;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The request's time zone is the signed-in person's own (users.time_zone), so that every time on a
 * page and in a toast reads in it ({@code system.PageTimes}). Looked up once per request and only
 * when something asks (a page that shows no time costs no query); read from the table rather than
 * the session's principal, so a changed setting shows on the next page. The language stays the
 * browser's, as before.
 */
@Component(PersonalTimeZoneResolver.BEAN_NAME)
class PersonalTimeZoneResolver implements LocaleContextResolver {

	/** The bean name the DispatcherServlet looks for; Boot's default steps aside. */
	static final String BEAN_NAME = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME;

	private final AcceptHeaderLocaleResolver languages = new AcceptHeaderLocaleResolver();

	private final TimeZones zones;

	PersonalTimeZoneResolver(TimeZones zones) {
		this.zones = zones;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long userId = authentication != null && authentication.getPrincipal() instanceof PortalPrincipal person
				? person.getUserId() : null;
		return new TimeZoneAwareLocaleContext() {

			private @Nullable TimeZone zone;

			@Override
			public Locale getLocale() {
				return languages.resolveLocale(request);
			}

			@Override
			public TimeZone getTimeZone() {
				if (zone == null) {
					zone = TimeZone.getTimeZone(userId == null ? ZoneOffset.UTC : zones.of(userId));
				}
				return zone;
			}
		};
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return languages.resolveLocale(request);
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext localeContext) {
		throw new UnsupportedOperationException("The time zone is a person's setting, changed on My settings.");
	}
}
