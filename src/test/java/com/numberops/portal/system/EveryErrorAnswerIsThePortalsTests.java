package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever refuses a request (Spring MVC, the servlet container, Spring Security's firewall, an
 * access rule), the answer is the portal's own error page for a browser and problem details for a
 * JSON client, with the portal's security headers. Over real HTTP: MockMvc never makes the
 * container's error dispatch to /error, which is where these answers are drawn.
 */
class EveryErrorAnswerIsThePortalsTests extends PortalIntegrationTest {

	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({
			// /error is where error answers are drawn, not a page of its own
			"admin, GET, /error, 404",
			// a malformed id
			"admin, GET, /admin/users/abc/password, 400",
			// a query string that is not UTF-8
			"admin, GET, /changes?state=%ff, 400",
			// an encoded traversal, refused by Spring Security's firewall before any other filter
			"admin, GET, /numbers/..%252f.., 400",
			"anonymous, GET, /numbers/..%252f.., 400",
			// a NUL in the path, refused by Tomcat itself before the portal sees the request
			"anonymous, GET, /numbers/%00, 400",
			// GET on a POST-only route
			"admin, GET, /changes/1/retry, 405",
			"viewer, GET, /admin/users, 403",
			"operator, GET, /no-such-page, 404" })
	void aBrowserGetsThePortalsErrorPage(String who, String method, String path, int status) {
		PortalHttp http = client(who);

		HttpResponse<String> answer = http.send(http.request(path).header("Accept", BROWSER).method(method,
				java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("class=\"error-page\"")
			.contains("<p class=\"error-code\">" + status + "</p>")
			.contains("/css/portal.css")
			.doesNotContain("Whitelabel")
			.doesNotContain("HTTP Status");
		if (!who.equals("anonymous")) {
			assertThat(answer.body()).as("the signed-in person's menu").contains("id=\"logout\"");
		}
		assertSecurityHeaders(answer);
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource(delimiter = '|', value = {
			"admin    | GET | /error                     | 404 | does not exist",
			"admin    | GET | /admin/users/abc/password  | 400 | malformed",
			"admin    | GET | /changes?state=%ff         | 400 | malformed",
			"admin    | GET | /numbers/..%252f..         | 400 | encoded slash",
			"admin    | GET | /numbers/%00               | 400 | NUL",
			"admin    | GET | /changes/1/retry           | 405 | does not take GET",
			"viewer   | GET | /admin/users               | 403 | role",
			"operator | GET | /no-such-page              | 404 | does not exist" })
	void aJsonClientGetsProblemDetails(String who, String method, String path, int status, String saying) {
		PortalHttp http = client(who);

		HttpResponse<String> answer = http.send(http.request(path).header("Accept", "application/json").method(method,
				java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).contains(saying);
		assertThat(problem.path("instance").asString()).as("the address refused").isEqualTo(path.replaceAll("\\?.*", ""));
		assertThat(answer.body()).doesNotContain("timestamp").doesNotContain("trace").doesNotContain("exception");
		assertSecurityHeaders(answer);
	}

	/**
	 * No such number, change or form, or another team's: the services say so with UnknownTarget,
	 * whichever controller called them, and the answer is the same 404 as any other, page or problem.
	 * A malformed number id matches no route: the same 404.
	 */
	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource(delimiter = '|', value = {
			"/changes/987654321/retry                | ''",
			"/numbers/987654321/edits/rename         | name=Desk",
			"/numbers/987654321/edits/explode        | name=Desk",
			"/numbers/987654321/override             | enabled=true&reason=for+the+test",
			"/numbers/987654321/warmup/sms/on        | ''",
			"/numbers/987654321/warmup/fax/on        | ''",
			// a malformed id is no different from an unknown one
			"/numbers/abc/edits/rename               | name=Desk",
			"/numbers/0/warmup/sms/on                | ''",
			"/numbers/1234567890123456789/override   | enabled=true&reason=for+the+test" })
	void anUnknownTargetIsA404PageForABrowserAndProblemDetailsForJson(String path, String form) {
		PortalHttp http = client("operator");

		HttpResponse<String> page = http.send(http.formPost(path, form).header("Accept", BROWSER));
		HttpResponse<String> problem = http.send(http.formPost(path, form).header("Accept", "application/json"));

		assertThat(page.statusCode()).as(page.body()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("id=\"error-404\"").contains("id=\"logout\"");
		assertThat(problem.statusCode()).as(problem.body()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = json.readTree(problem.body());
		assertThat(body.path("status").asInt()).isEqualTo(404);
		assertThat(body.path("detail").asString()).contains("does not exist");
		assertThat(body.path("instance").asString()).isEqualTo(path);
	}

	static void assertSecurityHeaders(HttpResponse<String> answer) {
		assertThat(answer.headers().allValues("Content-Security-Policy")).singleElement()
			.satisfies(csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
	}

	private PortalHttp client(String who) {
		return who.equals("anonymous") ? PortalHttp.anonymous(port) : PortalHttp.signIn(port, who, "demo");
	}
}
