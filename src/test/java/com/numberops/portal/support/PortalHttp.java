package com.numberops.portal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A client of the running portal over real HTTP, with its own cookies: what MockMvc cannot show,
 * the servlet container's part (error dispatches to /error, the session cookie's attributes, the
 * raw bytes of a query string). {@link #signIn} goes through the login form like a browser.
 */
public final class PortalHttp {

	private static final Pattern CSRF_IN_PAGE = Pattern.compile("&quot;X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;");

	private static final Pattern CSRF_IN_FORM = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private boolean signedIn;

	private PortalHttp(int port, boolean keepsCookies) {
		this.base = "http://localhost:" + port;
		HttpClient.Builder client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER);
		if (keepsCookies) {
			client.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
		}
		this.client = client.build();
	}

	private PortalHttp(int port, HttpClient client, boolean signedIn) {
		this.base = "http://localhost:" + port;
		this.client = client;
		this.signedIn = signedIn;
	}

	/**
	 * The same browser, cookies and all, talking to another portal instance (cookies belong to the
	 * host, not the port): what a load balancer without sticky sessions does to a person.
	 */
	public PortalHttp at(int otherPort) {
		return new PortalHttp(otherPort, client, signedIn);
	}

	/** Nobody signed in. */
	public static PortalHttp anonymous(int port) {
		return new PortalHttp(port, true);
	}

	/** A client that sends only the cookies a test puts into its requests itself. */
	public static PortalHttp withoutCookieJar(int port) {
		return new PortalHttp(port, false);
	}

	/** Signed in through the login form, as a browser would be. */
	public static PortalHttp signIn(int port, String username, String password) {
		PortalHttp http = new PortalHttp(port, true);
		String token = http.csrfOf(http.get("/login").body());
		HttpResponse<String> login = http.send(http.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", token)))));
		String location = login.headers().firstValue("Location").orElse("");
		if (login.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("could not sign in as " + username + ": " + login.statusCode() + " " + location);
		}
		http.signedIn = true;
		return http;
	}

	/** A request to a path of the portal (the path and query exactly as given, not re-encoded). */
	public HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
	}

	public HttpResponse<String> get(String pathAndQuery) {
		return send(request(pathAndQuery).GET());
	}

	/** A form POST carrying a valid CSRF token, taken from a page this client may open; add headers, then send it. */
	public HttpRequest.Builder formPost(String path, String formBody) {
		String token = csrfOf(get(signedIn ? "/" : "/login").body());
		String body = formBody.isEmpty() ? "_csrf=" + token : formBody + "&_csrf=" + token;
		return request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The same with the answer's body read as the caller says (a load generator discards it). */
	public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(request.build(), body);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

	/** The CSRF token of a page: the htmx header of a signed-in page, or the login form's field. */
	public String csrfOf(String page) {
		Matcher htmx = CSRF_IN_PAGE.matcher(page);
		if (htmx.find()) {
			return htmx.group(1);
		}
		Matcher form = CSRF_IN_FORM.matcher(page);
		if (form.find()) {
			return form.group(1);
		}
		throw new IllegalStateException("no CSRF token on the page");
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
