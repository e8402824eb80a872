package com.numberops.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.Locator;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.support.BrowserTest;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.SandboxMirror;
import com.numberops.portal.support.SecondPortal;
import com.numberops.portal.sync.MirrorSync;
import com.numberops.portal.sync.SyncRuns;

/**
 * A person works through a load balancer without sticky sessions: a tiny round-robin proxy in
 * this test sends each request of the browser to the other of two portals on one database (the
 * shared test context and a second portal). Signing in, searching and editing a number work as
 * on one portal, although every other request, htmx fragments included, lands on the other one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPortalsBehindARoundRobinIT extends BrowserTest {

	@LocalServerPort
	int portA;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	MirrorSync sync;

	@Autowired
	SyncRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	SecondPortal portalB;

	RoundRobin proxy;

	@BeforeAll
	void twoPortalsBehindAProxy() throws IOException {
		portalB = SecondPortal.start(SecondPortal.sharedSchemaSettings());
		proxy = new RoundRobin(List.of(portA, portalB.port()));
		// a portal's first pages compile its templates: done here, not within the browser's timeouts
		for (int port : List.of(portA, portalB.port())) {
			PortalHttp warm = PortalHttp.signIn(port, "viewer", DEMO_PASSWORD);
			for (String path : List.of("/", "/numbers", "/numbers?q=1")) {
				warm.send(warm.request(path).header("Accept", "text/html").GET());
			}
		}
	}

	/** Every hop passes the proxy and half of them a portal just started, on a machine shared with other builds. */
	@BeforeEach
	void patientBrowser() {
		context.setDefaultTimeout(30_000);
		context.setDefaultNavigationTimeout(30_000);
	}

	@AfterAll
	void stop() {
		if (proxy != null) {
			proxy.close();
		}
		if (portalB != null) {
			portalB.close();
		}
	}

	/** The browser sees only the proxy. */
	@Override
	protected String baseUrl() {
		return "http://localhost:" + proxy.port();
	}

	@Test
	void signInSearchAndEditWithEveryOtherRequestOnTheOtherPortal() {
		SandboxMirror.fill(accounts, sync, runs, jdbc, "round-robin-browser-test");
		// from the top, as the other editing tests pick: the lowest numbers are the inventory test's
		long id = jdbc.queryForObject("""
				select id from phone_numbers n
				where provider = 'SINCH' and provider_released_at is null and provider_missing_since is null
				  and provider_release_scheduled_at is null and sms_provisioning_status is null
				  and voice_provisioning_status is null
				  and not exists (select 1 from pending_changes c where c.phone_number_id = n.id)
				order by number desc limit 1""", Long.class);
		String number = jdbc.queryForObject("select number from phone_numbers where id = ?", String.class, id);
		String digits = number.substring(number.length() - 6);
		String name = "Round robin " + UUID.randomUUID().toString().substring(0, 6);

		loginSuccessfully("operator", DEMO_PASSWORD);

		page.navigate("/numbers");
		assertThat(page.locator("h1")).hasText("Numbers");
		page.locator("#q").fill(digits);
		assertThat(page).hasURL(url("/numbers?q=" + digits));
		Locator rows = page.locator("#numbers-table tr.number-row");
		assertThat(rows.first()).containsText(digits);

		page.navigate("/numbers/" + id);
		page.locator("#edit-name").fill(name);
		page.locator("#rename-button").click();
		assertThat(page.locator(".number-header .number-name")).hasText(name);
		assertThat(page.locator("#toasts")).containsText("Rename saved and on its way to the carrier.");
		Eventually.until(Duration.ofSeconds(60), "the rename has reached the carrier",
				() -> jdbc.queryForObject("select state from pending_changes where phone_number_id = ? and kind = 'RENAME' "
						+ "order by id desc limit 1", String.class, id),
				"SUCCEEDED"::equals);
		// a page drawn by either portal now shows the name; still signed in after every hop
		page.reload();
		assertThat(page.locator(".number-header .number-name")).hasText(name);
		screenshot("renamed-through-two-portals");

		assertThat(proxy.served(0)).as("requests served by the test context's portal").isGreaterThan(3);
		assertThat(proxy.served(1)).as("requests served by the second portal").isGreaterThan(3);
	}

	/**
	 * The smallest load balancer: each request to the next portal in turn, method, headers, body
	 * and cookies passed through, the answer passed back as it came. It names itself to the portals
	 * as X-Forwarded-Host / -Port (Tomcat's RemoteIpValve believes a proxy on the loopback), so
	 * their redirects point at the proxy; a Location naming a portal itself is rewritten as well.
	 */
	static final class RoundRobin implements AutoCloseable {

		/** Headers HttpClient sets itself, or that describe one hop's connection only. */
		private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
				"transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

		private final List<Integer> targets;

		private final AtomicInteger next = new AtomicInteger();

		private final AtomicIntegerArray served;

		private final com.sun.net.httpserver.HttpServer server;

		private final ExecutorService threads = Executors.newFixedThreadPool(8);

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		RoundRobin(List<Integer> targets) throws IOException {
			this.targets = targets;
			this.served = new AtomicIntegerArray(targets.size());
			server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", this::forward);
			server.setExecutor(threads);
			server.start();
		}

		int port() {
			return server.getAddress().getPort();
		}

		int served(int target) {
			return served.get(target);
		}

		private void forward(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
			try (exchange) {
				int turn = Math.floorMod(next.getAndIncrement(), targets.size());
				int target = targets.get(turn);
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				URI uri = URI.create("http://localhost:" + target + exchange.getRequestURI().toString());
				HttpRequest.Builder request = HttpRequest.newBuilder(uri)
					.timeout(Duration.ofSeconds(30))
					.method(exchange.getRequestMethod(),
							body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
				exchange.getRequestHeaders().forEach((header, values) -> {
					if (!HOP_BY_HOP.contains(header.toLowerCase(java.util.Locale.ROOT))) {
						values.forEach(value -> request.header(header, value));
					}
				});
				request.header("X-Forwarded-Host", "localhost:" + port());
				request.header("X-Forwarded-Port", String.valueOf(port()));
				request.header("X-Forwarded-Proto", "http");
				HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				served.incrementAndGet(turn);
				answer.headers().map().forEach((header, values) -> {
					String lower = header.toLowerCase(java.util.Locale.ROOT);
					if (HOP_BY_HOP.contains(lower) || lower.equals(":status")) {
						return;
					}
					for (String value : values) {
						exchange.getResponseHeaders().add(header,
								lower.equals("location") ? value.replace("localhost:" + target, "localhost:" + port()) : value);
					}
				});
				byte[] bytes = answer.body();
				boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
				exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : bytes.length);
				if (!empty) {
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(bytes);
					}
				}
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IOException(interrupted);
			}
			catch (UncheckedIOException failure) {
				throw failure.getCause();
			}
		}

		@Override
		public void close() {
			server.stop(0);
			threads.shutdownNow();
		}
	}
}
