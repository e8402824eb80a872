package com.numberops.portal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.support.TestMail;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts on Postgres, end to end: a team's numbers fail provisioning with a carrier error code, a
 * rule of that team counts them; it fires once per window however often it is evaluated, and
 * reaches each channel once: the bell of the team (not of another team), a webhook receiver in the
 * test (signed; a failing one retried with backoff until it answers, never twice after), and an
 * SMTP server in the test (GreenMail). The code is the test's own, so nothing else counts.
 */
class AlertsReachTheirChannelsTests extends PortalIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(TestMail.PORT, TestMail.HOST, "smtp"));

	@Autowired
	AlertEvaluation evaluation;

	@Autowired
	AlertDeliveries deliveries;

	@Autowired
	AlertAdministration administration;

	@Autowired
	AlertInbox inbox;

	@Autowired
	UserAdministration users;

	@Autowired
	UserDetailsService people;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final String code = "ALERT_TEST_" + tag.toUpperCase();

	long account;

	long team;

	long otherTeam;

	PortalPrincipal admin;

	HttpServer receiver;

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** What the receiver answers, in turn; the last one from then on. */
	List<Integer> answers = List.of(200);

	record Received(Map<String, String> headers, String body, int answered) {
	}

	@BeforeEach
	void aTeamWithFailures() throws IOException {
		account = jdbc.queryForObject("""
				insert into provider_accounts (provider, account_ref, name, mode)
				values ('SINCH', ?, 'Alerts test', 'SANDBOX') returning id""", Long.class, "alerts-" + tag);
		team = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Alerts " + tag);
		otherTeam = jdbc.queryForObject("insert into teams (name) values (?) returning id", Long.class, "Others " + tag);
		admin = (PortalPrincipal) people.loadUserByUsername("admin");
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		AtomicInteger calls = new AtomicInteger();
		receiver.createContext("/hook", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			int call = calls.getAndIncrement();
			int status = answers.get(Math.min(call, answers.size() - 1));
			received.add(new Received(Map.of("signature", header(exchange, WebhookSignature.HEADER), "timestamp",
					header(exchange, WebhookSignature.TIMESTAMP), "delivery", header(exchange, WebhookSignature.DELIVERY),
					"type", header(exchange, "Content-Type")), body, status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stop() {
		receiver.stop(0);
		SecurityContextHolder.clearContext();
		// the test's rules stop, so the background evaluation leaves its numbers alone
		jdbc.update("update alert_rules set enabled = false where team_id in (?, ?)", team, otherTeam);
	}

	@Test
	void aRuleFiresOncePerWindowAndItsWebhookGetsOneSignedDelivery() throws Exception {
		failures(team, 3);
		String secret = "a-long-enough-secret-" + tag;
		long hook = channel(ChannelKind.WEBHOOK, url(), secret);
		long bell = channel(ChannelKind.PORTAL, null, null);
		long rule = rule(3, hook, bell);
		double sentBefore = sent("webhook", "delivered");

		Instant now = Instant.now();
		evaluation.evaluate(now);
		evaluation.evaluate(now);
		AlertWindow window = AlertWindow.at(now, Duration.ofMinutes(WINDOW));
		evaluation.evaluate(window.start().plus(Duration.ofMinutes(WINDOW - 1)));
		assertThat(alerts(rule)).as("one alert for the window, not one per evaluation or number").hasSize(1);
		Alert alert = alerts(rule).get(0);
		assertThat(alert.found()).isEqualTo(3);
		assertThat(alert.link()).isEqualTo("/numbers?provisioningError=" + code);
		assertThat(alert.items()).hasSize(3).allSatisfy(item -> assertThat(item.link()).startsWith("/numbers/"));
		assertThat(alert.windowStart()).isEqualTo(window.start());

		deliveries.deliverDue(Instant.now());
		Eventually.until(WAIT, "the receiver has the delivery", () -> received.size(), size -> size >= 1);
		deliveries.deliverDue(Instant.now().plus(Duration.ofDays(1)));
		assertThat(received).as("delivered once").hasSize(1);
		Received delivery = received.get(0);
		assertThat(delivery.headers().get("type")).startsWith("application/json");
		long timestamp = Long.parseLong(delivery.headers().get("timestamp"));
		assertThat(WebhookSignature.verifies(secret, timestamp, delivery.body(), delivery.headers().get("signature")))
			.as("the signature verifies with the channel's secret").isTrue();
		assertThat(WebhookSignature.verifies("not-the-secret-at-all", timestamp, delivery.body(),
				delivery.headers().get("signature"))).isFalse();
		JsonNode body = json.readTree(delivery.body());
		assertThat(body.get("text").asString()).as("Slack shows the text").contains(code).contains("3 numbers");
		assertThat(body.get("alert").get("id").asLong()).isEqualTo(alert.id());
		assertThat(body.get("alert").get("link").asString()).endsWith("/numbers?provisioningError=" + code);
		assertThat(sent("webhook", "delivered")).isEqualTo(sentBefore + 1);
		assertThat(jdbc.queryForObject("select count(*) from alert_deliveries where alert_id = ?", Long.class, alert.id()))
			.as("one delivery per channel").isEqualTo(2);

		// the next window is another alert
		evaluation.evaluate(window.start().plus(Duration.ofMinutes(WINDOW)));
		assertThat(alerts(rule)).hasSize(2);
	}

	@Test
	void aFailingReceiverIsRetriedWithBackoffAndGetsExactlyOneSuccessfulDelivery() {
		answers = List.of(500, 500, 200);
		failures(team, 1);
		long hook = channel(ChannelKind.WEBHOOK, url(), null);
		long rule = rule(1, hook);
		evaluation.evaluate(Instant.now());
		long alert = alerts(rule).get(0).id();
		long delivery = jdbc.queryForObject("select id from alert_deliveries where alert_id = ?", Long.class, alert);

		// each due attempt sent when due (by this test or by the deliver-alerts task, whichever comes first)
		Eventually.until(WAIT, "the receiver answered 200", () -> {
			Timestamp due = jdbc.queryForObject("select next_attempt_at from alert_deliveries where id = ?",
					Timestamp.class, delivery);
			if (due != null) {
				deliveries.deliverDue(due.toInstant());
			}
			return received.stream().filter(r -> r.answered() == 200).count();
		}, successes -> successes >= 1);
		deliveries.deliverDue(Instant.now().plus(Duration.ofDays(2)));

		assertThat(received).extracting(Received::answered).containsExactly(500, 500, 200);
		assertThat(received).extracting(r -> r.headers().get("delivery")).containsOnly(Long.toString(delivery));
		assertThat(received).extracting(Received::body).as("the same alert each time").containsOnly(received.get(0).body());
		assertThat(jdbc.queryForMap("select state, attempts, delivered_at is not null as delivered, last_error from alert_deliveries where id = ?",
				delivery)).containsEntry("state", "DELIVERED").containsEntry("attempts", 3).containsEntry("delivered", true)
			.containsEntry("last_error", null);
		List<Map<String, Object>> log = jdbc.queryForList(
				"select outcome, status, error from alert_delivery_attempts where delivery_id = ? order by id", delivery);
		assertThat(log).extracting(row -> row.get("outcome") + " " + row.get("status") + " " + row.get("error"))
			.containsExactly("RETRY 500 HTTP 500", "RETRY 500 HTTP 500", "DELIVERED 200 null");
		assertThat(deliveries.deliverDue(Instant.now().plus(Duration.ofDays(3)))).as("nothing left to send").isZero();
	}

	@Test
	void theBackoffBetweenAttemptsDoubles() {
		answers = List.of(503);
		failures(team, 1);
		long rule = rule(1, channel(ChannelKind.WEBHOOK, url(), null));
		evaluation.evaluate(Instant.now());
		long delivery = jdbc.queryForObject("select d.id from alert_deliveries d join alerts a on a.id = d.alert_id where a.rule_id = ?",
				Long.class, rule);
		Instant first = Instant.now().plus(Duration.ofHours(1));
		deliveries.deliverDue(first);
		Instant second = Eventually.until(WAIT, "a retry is planned", () -> next(delivery), next -> next != null
				&& jdbc.queryForObject("select attempts from alert_deliveries where id = ?", Integer.class, delivery) >= 1);
		Instant attempted = jdbc.queryForObject("select max(attempted_at) from alert_delivery_attempts where delivery_id = ?",
				Timestamp.class, delivery).toInstant();
		Duration firstWait = Duration.between(attempted, second);
		deliveries.deliverDue(second);
		Instant third = next(delivery);
		assertThat(third).isNotNull();
		Duration secondWait = Duration.between(second, third);
		assertThat(secondWait).as("doubled").isEqualTo(firstWait.multipliedBy(2));
	}

	@Test
	void anEmailReachesTheSmtpServer() throws Exception {
		failures(team, 2);
		long mail = channel(ChannelKind.EMAIL, null, "ops-" + tag + "@example.com, oncall-" + tag + "@example.com");
		long rule = rule(2, mail);
		double before = sent("email", "delivered");
		evaluation.evaluate(Instant.now());
		Alert alert = alerts(rule).get(0);
		deliveries.deliverDue(Instant.now());

		assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 2)).as("one message to each address").isTrue();
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(messages).hasSize(2);
		assertThat(messages[0].getSubject()).isEqualTo("[Number portal] " + alert.title());
		assertThat((String) messages[0].getContent()).contains("/numbers?provisioningError=" + code).contains("/numbers/");
		assertThat(jdbc.queryForObject("select state from alert_deliveries where alert_id = ?", String.class, alert.id()))
			.isEqualTo("DELIVERED");
		assertThat(sent("email", "delivered")).isEqualTo(before + 1);
	}

	@Test
	void theBellShowsTheAlertToItsTeamOnly() {
		failures(team, 2);
		long rule = rule(2, channel(ChannelKind.PORTAL, null, null));
		PortalPrincipal member = person(team);
		PortalPrincipal stranger = person(otherTeam);
		long strangerBefore = inbox.unread(stranger);
		// alerts of every team (a sync rule's) reach any new person's bell as well
		long memberBefore = inbox.unread(member);

		evaluation.evaluate(Instant.now());
		Alert alert = alerts(rule).get(0);
		assertThat(inbox.unread(member)).isEqualTo(memberBefore + 1);
		assertThat(inbox.unread(stranger)).as("another team's").isEqualTo(strangerBefore);
		assertThat(inbox.unread(admin)).as("an admin of every team").isGreaterThanOrEqualTo(1);

		AlertInbox.Seen seen = inbox.open(member);
		assertThat(seen.alerts()).extracting(Alert::id).contains(alert.id());
		assertThat(seen.unread(alert)).isTrue();
		assertThat(inbox.unread(member)).as("seen once the list is opened").isZero();
		assertThat(inbox.open(stranger).alerts()).extracting(Alert::id).doesNotContain(alert.id());
	}

	@Test
	void failuresOfAnotherTeamOrOutsideTheWindowDoNotCount() {
		failures(otherTeam, 5);
		long old = failures(team, 1);
		jdbc.update("update phone_numbers set modified_at = now() - interval '8 days' where id = ?", old);
		long rule = rule(1, channel(ChannelKind.PORTAL, null, null));
		evaluation.evaluate(Instant.now());
		assertThat(alerts(rule)).isEmpty();
	}

	static final int WINDOW = 10080;

	/** Numbers of a team failing SMS provisioning with the test's code, just now; answers the last id. */
	long failures(long teamId, int count) {
		long id = 0;
		for (int i = 0; i < count; i++) {
			String e164 = "+1628" + String.format("%07d",
					Math.floorMod((tag + teamId + i + UUID.randomUUID()).hashCode(), 9_000_000) + 1_000_000);
			id = jdbc.queryForObject("""
					insert into phone_numbers (number, name, country_code, number_type, provider_account_id, provider,
					    provider_phone_number_id, team_id, cap_sms, cap_voice, sms_provisioning_status, sms_provisioning_error_codes)
					values (?, ?, 'US', 'LOCAL', ?, 'SINCH', ?, ?, true, true, 'FAILED', ?::text[]) returning id""", Long.class,
					e164, "Alert line " + i, account, tag + "-" + teamId + "-" + i, teamId, "{" + code + "}");
		}
		return id;
	}

	long channel(ChannelKind kind, String url, String secretOrAddresses) {
		String target = kind == ChannelKind.WEBHOOK ? url : kind == ChannelKind.EMAIL ? secretOrAddresses : null;
		String secret = kind == ChannelKind.WEBHOOK ? secretOrAddresses : null;
		return SignedIn.during(admin, () -> administration
			.createChannel(admin, new AlertInputs.Channel(kind + " " + tag, kind, target, secret))
			.id());
	}

	long rule(int threshold, long... channels) {
		Set<Long> ids = new java.util.LinkedHashSet<>();
		for (long channel : channels) {
			ids.add(channel);
		}
		return SignedIn.during(admin, () -> administration.createRule(admin, new AlertInputs.Rule("Failures " + tag,
				RuleKind.PROVISIONING_FAILED, code, threshold, WINDOW, ids), team));
	}

	List<Alert> alerts(long rule) {
		return SignedIn.during(admin, () -> administration.recentAlerts())
			.stream()
			.filter(alert -> alert.ruleId() == rule)
			.toList();
	}

	PortalPrincipal person(long teamId) {
		String username = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
		SignedIn.during(admin, () -> users
			.create(new NewUser(username, "Alerts " + tag, Role.VIEWER, "long-enough-1", Set.of(teamId))));
		return (PortalPrincipal) people.loadUserByUsername(username);
	}

	Instant next(long delivery) {
		Timestamp next = jdbc.queryForObject("select next_attempt_at from alert_deliveries where id = ?", Timestamp.class,
				delivery);
		return next == null ? null : next.toInstant();
	}

	String url() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	double sent(String channel, String outcome) {
		var counter = meters.find("portal.alerts.sent").tag("channel", channel).tag("outcome", outcome).counter();
		return counter == null ? 0 : counter.count();
	}

	private static String header(com.sun.net.httpserver.HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return value == null ? "" : value;
	}
}
