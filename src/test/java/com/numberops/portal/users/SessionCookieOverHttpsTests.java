package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;

/**
 * The session cookie is {@code Secure} when the browser reached the portal over HTTPS, here
 * through a TLS-terminating proxy on the same host that says so in {@code X-Forwarded-Proto}.
 * Over real HTTP: the cookie is written by the servlet container (Tomcat), which MockMvc leaves
 * out, and a forwarded header handled only by a request wrapper would not reach it.
 */
class SessionCookieOverHttpsTests extends PortalIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void aLoginForwardedFromHttpsGetsASecureSessionCookie() {
		String cookie = sessionCookieOfLogin(Map.of("X-Forwarded-Proto", "https"));

		assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void aLoginOverPlainHttpGetsACookieWithoutSecure() {
		String cookie = sessionCookieOfLogin(Map.of());

		assertThat(cookie).doesNotContain("Secure").contains("HttpOnly");
	}

	@Test
	void aPageForwardedFromHttpsTellsTheBrowserToStayOnHttps() {
		PortalHttp http = PortalHttp.withoutCookieJar(port);

		HttpResponse<String> secure = http.send(http.request("/login").header("X-Forwarded-Proto", "https").GET());
		HttpResponse<String> plain = http.send(http.request("/login").GET());

		assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theRedirectAfterAForwardedHttpsLoginStaysOnHttps() {
		PortalHttp http = PortalHttp.withoutCookieJar(port);
		HttpResponse<String> login = login(http, Map.of("X-Forwarded-Proto", "https"));

		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotStartWith("http:"));
	}

	private String sessionCookieOfLogin(Map<String, String> headers) {
		PortalHttp http = PortalHttp.withoutCookieJar(port);
		HttpResponse<String> login = login(http, headers);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));
		List<String> sessionCookies = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.toList();
		assertThat(sessionCookies).as("the new session id of the login").hasSize(1);
		return sessionCookies.get(0);
	}

	/**
	 * The login page, then the login with its token, carrying the page's session cookie by hand: a
	 * cookie jar would rightly keep a Secure cookie off this plain-HTTP connection to the "proxy".
	 */
	private HttpResponse<String> login(PortalHttp http, Map<String, String> headers) {
		HttpRequest.Builder page = http.request("/login");
		headers.forEach(page::header);
		HttpResponse<String> form = http.send(page.GET());
		String token = http.csrfOf(form.body());
		String session = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		HttpRequest.Builder login = http.request("/login")
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					PortalHttp.form(Map.of("username", "viewer", "password", "demo", "_csrf", token))));
		headers.forEach(login::header);
		return http.send(login);
	}
}
