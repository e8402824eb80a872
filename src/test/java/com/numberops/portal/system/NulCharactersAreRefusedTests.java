package com.numberops.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.sandbox.SandboxFaults;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.support.TestDatabase;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A NUL character in any parameter of any portal route, form field or query parameter alike, is
 * refused as invalid input (400, saying which parameter) before anything runs: nothing in either
 * database changes, no sandbox fault is switched. PostgreSQL's text cannot hold NUL, so before
 * this every such value that reached a query was a 500. The routes and their parameters are
 * read from the controllers; each row sends the route's other parameters valid, so that only the
 * NUL is wrong.
 */
class NulCharactersAreRefusedTests extends PortalIntegrationTest {

	private static final String NUL_VALUE = "a\u0000b";

	/** The inventory's filters and sort (InventoryLinks), which the list, the export and bulk edits share. */
	private static final List<String> INVENTORY = List.of("q", "provider", "account", "region", "type", "capability",
			"state", "status", "team", "campaign", "plan", "tendlc", "warmup", "callWarmup", "enablement", "pending",
			"failed", "sort", "size", "after");

	/** A bulk edit's own fields, besides the filter (BulkController). */
	private static final List<String> BULK = List.of("all", "ids", "kind", "servicePlanId", "campaignId",
			"businessCampaignId", "appId", "enabled");

	/** One signed-in client per person for the whole table (signing in is not what is tested). */
	private static final Map<String, PortalHttp> CLIENTS = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SandboxDatabase sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JsonMapper json;

	@Autowired
	Scheduler scheduler;

	@BeforeEach
	void mirrorFilled() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "nul-tests");
	}

	/**
	 * Changes that earlier tests in this JVM left on their way are still being sent and followed in
	 * the background (the outbox rewritten, events added when they settle, the sandbox's jobs
	 * finishing and calling back). The scheduler is paused for each row and the snapshot is taken
	 * once what was running has finished, so a difference is the refused request's own.
	 */
	@BeforeEach
	void backgroundWorkPaused() {
		scheduler.pause();
		Eventually.until(Duration.ofSeconds(30), "the background's running work finished", () -> scheduler
			.getCurrentlyExecuting()
			.size()
				+ jdbc.queryForObject("""
						select count(*) from %s.sinch_numbers
						where sms_prov_status in ('WAITING', 'IN_PROGRESS') or voice_prov_status in ('WAITING', 'IN_PROGRESS')
						""".formatted(TestDatabase.SANDBOX_SCHEMA), Integer.class),
				running -> running == 0);
	}

	@AfterEach
	void backgroundWorkResumed() {
		scheduler.resume();
	}

	/** One route and one of its parameters: who may call it, and valid values for its other parameters. */
	record Route(String who, String method, String path, String parameter, Map<String, String> others) {

		@Override
		public String toString() {
			return method + " " + path + " " + parameter + " (" + who + ")";
		}
	}

	static Stream<Arguments> everyParameterOfEveryRoute() {
		List<Route> routes = new ArrayList<>();
		// the inventory: list, export, and a bulk edit's three steps
		for (String name : INVENTORY) {
			routes.add(new Route("viewer", "GET", "/numbers", name, Map.of()));
			routes.add(new Route("viewer", "GET", "/numbers/export.csv", name, Map.of()));
		}
		for (String name : concat(INVENTORY, BULK)) {
			Map<String, String> bulk = Map.of("kind", "CNAM_LOOKUPS", "enabled", "true", "ids", "{number}");
			routes.add(new Route("operator", "GET", "/changes/bulk", name, bulk));
			routes.add(new Route("operator", "POST", "/changes/bulk/preview", name, bulk));
			routes.add(new Route("operator", "POST", "/changes/bulk", name, bulk));
		}
		routes.add(new Route("viewer", "GET", "/numbers/{number}", "before", Map.of()));
		for (String name : List.of("state", "user", "provider", "batch", "before")) {
			routes.add(new Route("viewer", "GET", "/changes", name, Map.of()));
		}
		for (String action : List.of("retry", "cancel", "restore")) {
			routes.add(new Route("admin", "POST", "/changes/{change}/" + action, "back", Map.of()));
		}
		// a number's edit forms (NumberEditController): version and basedOn come with each
		Map<String, List<String>> forms = new LinkedHashMap<>();
		forms.put("rename", List.of("name", "version", "basedOn"));
		forms.put("sms", List.of("servicePlanId", "campaignId"));
		forms.put("campaign", List.of("businessCampaignId"));
		forms.put("voice", List.of("appId"));
		forms.put("cnam", List.of("enabled"));
		forms.put("messaging", List.of("enabled"));
		forms.put("enablement", List.of("enabled"));
		forms.put("release", List.of("reason"));
		forms.forEach((form, fields) -> {
			for (String field : fields) {
				routes.add(new Route("admin", "POST", "/numbers/{number}/edits/" + form, field,
						Map.of("name", "Nul test", "reason", "A reason long enough", "enabled", "true")));
			}
		});
		routes.add(new Route("operator", "POST", "/numbers/{number}/warmup/sms/pause", "reason", Map.of()));
		routes.add(new Route("operator", "POST", "/numbers/{number}/override", "enabled", Map.of("reason", "Nul test reason")));
		routes.add(new Route("operator", "POST", "/numbers/{number}/override", "reason", Map.of("enabled", "true")));
		for (String decision : List.of("approve", "reject")) {
			routes.add(new Route("admin", "POST", "/approvals/{approval}/" + decision, "comment", Map.of("version", "0")));
			routes.add(new Route("admin", "POST", "/approvals/{approval}/" + decision, "version", Map.of("comment", "ok")));
		}
		// Users page (NewUserForm, TeamForm, PasswordForm)
		Map<String, String> newUser = Map.of("username", "nul-user", "displayName", "Nul User", "role", "OPERATOR",
				"password", "a-long-enough-password-1");
		for (String field : List.of("username", "displayName", "role", "password", "teamIds")) {
			routes.add(new Route("admin", "POST", "/admin/users", field, newUser));
		}
		routes.add(new Route("admin", "POST", "/admin/teams", "name", Map.of()));
		Map<String, String> password = Map.of("password", "a-long-enough-password-2", "confirmation",
				"a-long-enough-password-2");
		routes.add(new Route("admin", "POST", "/admin/users/{user}/password", "password", password));
		routes.add(new Route("admin", "POST", "/admin/users/{user}/password", "confirmation", password));
		// a user's role and teams (AccessForm); My settings (SettingsForm)
		Map<String, String> access = Map.of("role", "VIEWER", "version", "0");
		for (String field : List.of("role", "teamIds", "version")) {
			routes.add(new Route("admin", "POST", "/admin/users/{user}/access", field, access));
		}
		routes.add(new Route("viewer", "POST", "/settings", "timeZone", Map.of()));
		// sandbox fault switches (FaultForm, clear)
		Map<String, String> fault = Map.of("api", "SINCH", "endpoint", "list", "serverErrorPercent", "100");
		for (String field : List.of("api", "endpoint", "latencyMillis", "serverErrorPercent", "rateLimitPercent",
				"retryAfterSeconds", "hangPercent", "malformedPercent", "provisioningFailurePercent")) {
			routes.add(new Route("admin", "POST", "/admin/providers/faults", field, fault));
		}
		routes.add(new Route("admin", "POST", "/admin/providers/faults/clear", "api", Map.of("endpoint", "list")));
		routes.add(new Route("admin", "POST", "/admin/providers/faults/clear", "endpoint", Map.of("api", "SINCH")));
		// alert rules and channels (RuleForm, ChannelForm)
		Map<String, String> rule = Map.of("name", "Rule", "kind", "CHANGE_FAILED", "threshold", "1", "windowMinutes", "60");
		for (String field : List.of("name", "kind", "errorCode", "threshold", "windowMinutes", "teamId", "channelIds")) {
			routes.add(new Route("admin", "POST", "/admin/alerts/rules", field, rule));
		}
		Map<String, String> channel = Map.of("name", "Hook", "kind", "WEBHOOK", "target", "https://hooks.example.com/x");
		for (String field : List.of("name", "kind", "target", "secret")) {
			routes.add(new Route("admin", "POST", "/admin/alerts/channels", field, channel));
		}
		// the login page and the login itself
		routes.add(new Route("anonymous", "GET", "/login", "error", Map.of()));
		routes.add(new Route("anonymous", "GET", "/login", "logout", Map.of()));
		routes.add(new Route("anonymous", "POST", "/login", "username", Map.of("password", "demo")));
		routes.add(new Route("anonymous", "POST", "/login", "password", Map.of("username", "admin")));
		return routes.stream().map(Arguments::of);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyParameterOfEveryRoute")
	void aNulInAnyParameterIsRefusedAndChangesNothing(Route route) {
		PortalHttp http = client(route.who());
		String path = resolve(route.path());
		Map<String, String> values = new LinkedHashMap<>();
		route.others().forEach((name, value) -> values.put(name, resolve(value)));
		values.put(route.parameter(), NUL_VALUE);
		String before = snapshot();

		HttpResponse<String> answer = send(http, route.method(), path, PortalHttp.form(values));

		assertThat(answer.statusCode()).as(route + ": " + answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).contains("\"" + route.parameter() + "\"").contains("NUL");
		assertThat(snapshot()).as("what " + route + " changed").isEqualTo(before);
	}

	@Test
	void aBrowserIsToldOnThePortalsOwnPage() {
		PortalHttp http = client("viewer");

		HttpResponse<String> answer = http.send(http.request("/changes?user=%00")
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET());

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("class=\"error-page\"")
			.contains("<p class=\"error-code\">400</p>")
			.contains("&quot;user&quot;")
			.contains("NUL")
			.contains("id=\"logout\"");
		assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	@Test
	void aWebhookKeepsItsOwnAnswerToANulInItsQuery() {
		PortalHttp http = PortalHttp.anonymous(port);

		HttpResponse<String> answer = http.send(http.request("/webhooks/flowroute/message-provisioning?token=%00")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		// the token is the authentication: a wrong one is the webhook's documented 401, read from nothing else
		assertThat(answer.statusCode()).isEqualTo(401);
	}

	private PortalHttp client(String who) {
		return CLIENTS.computeIfAbsent(who,
				name -> name.equals("anonymous") ? PortalHttp.anonymous(port) : PortalHttp.signIn(port, name, "demo"));
	}

	private HttpResponse<String> send(PortalHttp http, String method, String path, String form) {
		if (method.equals("GET")) {
			return http.send(http.request(path + "?" + form).header("Accept", "application/json").GET());
		}
		return http.send(http.formPost(path, form).header("Accept", "application/json"));
	}

	private String resolve(String template) {
		return template.replace("{number}", String.valueOf(someNumber()))
			.replace("{change}", String.valueOf(someId("pending_changes")))
			.replace("{approval}", String.valueOf(someId("override_requests")))
			.replace("{user}", String.valueOf(jdbc.queryForObject("select id from users where username = 'viewer'", Long.class)));
	}

	private long someNumber() {
		return jdbc.queryForObject("select min(id) from phone_numbers where provider = 'SINCH' and country_code = 'US'",
				Long.class);
	}

	/** An existing row's id when there is one; else an id that will not be found (the refusal comes first anyway). */
	private long someId(String table) {
		Long id = jdbc.queryForObject("select min(id) from " + table, Long.class);
		return id == null ? 1 : id;
	}

	/**
	 * Every row of every table of both schemas that a person's request could write, and the sandbox
	 * faults. Not the sessions' own bookkeeping (Spring Session's tables): every request moves its
	 * session's last access time, and a client's first form stores its CSRF token there.
	 */
	private String snapshot() {
		StringBuilder all = new StringBuilder();
		for (String schema : List.of(TestDatabase.SCHEMA, TestDatabase.SANDBOX_SCHEMA)) {
			List<String> tables = jdbc.queryForList("""
					select table_name from information_schema.tables
					 where table_schema = ? and table_type = 'BASE TABLE'
					   and table_name not in ('flyway_schema_history', 'scheduled_tasks', 'sync_runs', 'webhook_events',
					                          'spring_session', 'spring_session_attributes')
					 order by table_name""", String.class, schema);
			for (String table : tables) {
				all.append(table)
					.append('=')
					.append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
							+ schema + "." + table + " t", String.class))
					.append('\n');
			}
		}
		return all.append(faults.active()).toString();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}
}
