package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.support.ApiClient;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.TestTokens;

/**
 * The API tokens pages over HTTP with a signed-in session: a token made on the page is shown in
 * that one answer (not cached, never again), works on the API, and is revoked from the list; bad
 * input is told next to its field and makes nothing; admins see everyone's, others may not.
 */
class ApiTokensPagesTests extends PortalIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("value=\"(np_[A-Za-z0-9_-]{43})\"");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void aTokenMadeOnThePageIsShownOnceAndWorks() {
		PortalHttp operator = PortalHttp.signIn(port, "operator", "demo");
		String name = "page " + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> made = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", name, "lifetime", "DAYS_7"))));

		assertThat(made.statusCode()).isEqualTo(200);
		assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
		Matcher token = TOKEN.matcher(made.body());
		assertThat(token.find()).as("the new token on the page").isTrue();
		assertThat(made.body()).contains(name);
		assertThat(ApiClient.withToken(port, token.group(1)).get("/api/me").statusCode()).isEqualTo(200);
		HttpResponse<String> later = operator.get("/account/tokens");
		assertThat(later.body()).contains(name).doesNotContain(token.group(1)).doesNotContain("id=\"new-token\"");
	}

	@Test
	void badInputIsToldNextToItsFieldAndMakesNothing() {
		PortalHttp operator = PortalHttp.signIn(port, "operator", "demo");
		PortalPrincipal principal = (PortalPrincipal) userDetails.loadUserByUsername("operator");
		int before = tokens.tokensOf(principal).size();

		HttpResponse<String> noName = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "  ", "lifetime", "DAYS_7"))));
		HttpResponse<String> noDay = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "no day", "lifetime", "UNTIL_DATE", "expiresOn", ""))));
		HttpResponse<String> tooFar = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "too far", "lifetime", "UNTIL_DATE", "expiresOn", "2099-01-01"))));
		HttpResponse<String> never = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "never", "lifetime", "NEVER"))));
		HttpResponse<String> noSuchDay = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "no such day", "lifetime", "UNTIL_DATE", "expiresOn", "2027-02-30"))));
		HttpResponse<String> malformedDay = operator.send(operator.formPost("/account/tokens",
				PortalHttp.form(Map.of("name", "malformed", "lifetime", "UNTIL_DATE", "expiresOn", "next friday"))));

		assertThat(noName.body()).contains("id=\"token-name-errors\"").contains("Enter a name");
		assertThat(noDay.body()).contains("id=\"token-expires-on-errors\"").contains("Choose the day");
		assertThat(tooFar.body()).contains("id=\"token-expires-on-errors\"").contains("at most 366 days");
		assertThat(never.body()).contains("id=\"token-lifetime-errors\"").contains("Choose when the token expires");
		assertThat(noSuchDay.body()).contains("id=\"token-expires-on-errors\"");
		assertThat(malformedDay.body()).contains("id=\"token-expires-on-errors\"").contains("YYYY-MM-DD");
		assertThat(tokens.tokensOf(principal)).hasSize(before);
	}

	@Test
	void aTokenIsRevokedFromTheList() {
		var issued = TestTokens.issue(tokens, userDetails, "viewer");
		PortalHttp viewer = PortalHttp.signIn(port, "viewer", "demo");
		assertThat(viewer.get("/account/tokens").body()).contains("revoke-token-" + issued.id())
			.contains("action=\"/account/tokens/" + issued.id() + "/revoke\"")
			.as("one's own tokens have no owner column").doesNotContain("<span class=\"font-monospace\">viewer</span>");

		HttpResponse<String> revoked = viewer.send(viewer.formPost("/account/tokens/" + issued.id() + "/revoke", "")
			.header("HX-Request", "true"));

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).contains("data-state=\"REVOKED\"").contains("Revoked the token");
		assertThat(ApiClient.withToken(port, issued.token()).get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void adminsSeeEveryonesTokensAndOthersMayNot() {
		var operators = TestTokens.issue(tokens, userDetails, "operator");

		HttpResponse<String> admin = PortalHttp.signIn(port, "admin", "demo").get("/admin/tokens");
		HttpResponse<String> viewer = PortalHttp.signIn(port, "viewer", "demo").get("/admin/tokens");
		PortalHttp another = PortalHttp.signIn(port, "viewer", "demo");
		HttpResponse<String> notTheirs = another.send(another.formPost("/account/tokens/" + operators.id() + "/revoke", ""));

		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("revoke-token-" + operators.id()).contains(operators.name());
		assertThat(viewer.statusCode()).isEqualTo(403);
		assertThat(notTheirs.statusCode()).isEqualTo(404);
		assertThat(ApiClient.withToken(port, operators.token()).get("/api/me").statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("action=\"/admin/tokens/" + operators.id() + "/revoke\"")
			.contains("<span class=\"font-monospace\">operator</span>");

		// revoked from the admins' page, the row drawn again keeps its owner and its way back
		PortalHttp anAdmin = PortalHttp.signIn(port, "admin", "demo");
		HttpResponse<String> revoked = anAdmin.send(anAdmin.formPost("/admin/tokens/" + operators.id() + "/revoke", "")
			.header("HX-Request", "true"));
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).contains("data-state=\"REVOKED\"")
			.contains("<span class=\"font-monospace\">operator</span>")
			.doesNotContain("<table");
	}
}
