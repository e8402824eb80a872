package com.numberops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.providers.ProviderAccount;
import com.numberops.portal.providers.ProviderAccounts;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.sandbox.SandboxJournal;
import com.numberops.portal.support.Eventually;
import com.numberops.portal.support.PortalHttp;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SecondPortal;
import com.numberops.portal.support.SignedIn;
import com.numberops.portal.users.NewUser;
import com.numberops.portal.users.PortalPrincipal;
import com.numberops.portal.users.Role;
import com.numberops.portal.users.UserAdministration;

/**
 * Two portal instances on one database, as behind a load balancer without sticky sessions: the
 * shared test context (portal A) and a second whole portal (B) on the same schemas. A person's
 * session made on one goes on on the other, ends on both when an admin disables them, and work
 * asked of either (a sync, an edit) is done once. Separately, pairs of portals started at the same
 * moment on fresh schemas both come up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPortalsTests extends PortalIntegrationTest {

	private static final String PASSWORD = "long-enough-1";

	private static final Duration SETTLES = Duration.ofSeconds(60);

	@LocalServerPort
	int portA;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	SandboxJournal journalA;

	SecondPortal portalB;

	SandboxJournal journalB;

	@BeforeAll
	void startTheSecondPortal() {
		portalB = SecondPortal.start(SecondPortal.sharedSchemaSettings());
		journalB = portalB.bean(SandboxJournal.class);
	}

	@AfterAll
	void stopTheSecondPortal() {
		if (portalB != null) {
			portalB.close();
		}
	}

	@Test
	void aSessionMadeOnOnePortalGoesOnOnTheOther() {
		String username = newOperator();
		PortalHttp onA = PortalHttp.signIn(portA, username, PASSWORD);
		PortalHttp onB = onA.at(portalB.port());

		HttpResponse<String> page = onB.send(onB.request("/numbers").header("Accept", "text/html").GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(username);
		// a state change on B with the CSRF token of the session A made, and its flashed toast read back on A
		long number = numberWithoutOpenChange();
		HttpResponse<String> rename = onB.send(onB.formPost("/numbers/" + number + "/edits/rename", "name=Moved+between+portals"));
		assertThat(rename.statusCode()).isEqualTo(302);
		assertThat(onA.send(onA.request("/numbers/" + number).header("Accept", "text/html").GET()).body())
			.contains("Rename saved and on its way to the carrier.");
	}

	@Test
	void disablingAUserOnOnePortalEndsTheirSessionsOnBoth() {
		String username = newOperator();
		PortalHttp madeOnA = PortalHttp.signIn(portA, username, PASSWORD);
		PortalHttp madeOnB = PortalHttp.signIn(portalB.port(), username, PASSWORD);
		assertThat(page(madeOnA.at(portalB.port()), "/numbers").statusCode()).isEqualTo(200);
		assertThat(page(madeOnB.at(portA), "/numbers").statusCode()).isEqualTo(200);

		PortalHttp admin = PortalHttp.signIn(portalB.port(), "admin", "demo");
		HttpResponse<String> disabled = admin.send(admin.formPost("/admin/users/" + idOf(username) + "/disable", "confirm=yes"));
		assertThat(disabled.statusCode()).isEqualTo(302);

		assertThat(page(madeOnA, "/numbers").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?error=ended"));
		assertThat(page(madeOnB.at(portA), "/numbers").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/login?error=ended"));
	}

	@Test
	void syncNowAskedOfBothPortalsAtOnceRunsOnce() throws Exception {
		ProviderAccount sinch = sinchAccount();
		long before = jdbc.queryForObject("select coalesce(max(id), 0) from sync_runs", Long.class);
		journalA.clear();
		journalB.clear();
		PortalHttp adminOnA = PortalHttp.signIn(portA, "admin", "demo");
		PortalHttp adminOnB = adminOnA.at(portalB.port());
		var askA = adminOnA.formPost("/sync/" + sinch.id() + "/run", "");
		var askB = adminOnB.formPost("/sync/" + sinch.id() + "/run", "");

		CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> adminOnA.send(askA));
		CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> adminOnB.send(askB));
		assertThat(onA.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(302);
		assertThat(onB.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(302);

		Eventually.until(SETTLES, "the sync has finished", () -> jdbc.queryForList(
				"select status from sync_runs where provider_account_id = ? and id > ?", String.class, sinch.id(), before),
				statuses -> !statuses.isEmpty() && !statuses.contains("RUNNING"));
		assertThat(jdbc.queryForList("select status from sync_runs where provider_account_id = ? and id > ?", String.class,
				sinch.id(), before)).as("one sync run for two requests").containsExactly("SUCCEEDED");
		long listedByA = listings(journalA);
		long listedByB = listings(journalB);
		assertThat(List.of(listedByA, listedByB)).as("the carrier's list pages read by one portal only")
			.containsExactlyInAnyOrder(0L, Math.max(listedByA, listedByB));
		assertThat(Math.max(listedByA, listedByB)).isPositive();
	}

	@Test
	void anEditMadeThroughOnePortalReachesTheCarrierOnce() {
		String username = newOperator();
		PortalHttp onB = PortalHttp.signIn(portalB.port(), username, PASSWORD);
		long number = numberWithoutOpenChange();
		String digits = jdbc.queryForObject("select provider_phone_number_id from phone_numbers where id = ?", String.class,
				number).replace("+", "");
		journalA.clear();
		journalB.clear();

		assertThat(onB.send(onB.formPost("/numbers/" + number + "/edits/rename", "name=Renamed+once")).statusCode())
			.isEqualTo(302);

		Eventually.until(SETTLES, "the rename has reached the carrier", () -> jdbc.queryForList(
				"select state from pending_changes where phone_number_id = ? and kind = 'RENAME' order by id desc",
				String.class, number), states -> !states.isEmpty() && states.get(0).equals("SUCCEEDED"));
		List<SandboxJournal.Entry> patches = new ArrayList<>();
		for (SandboxJournal journal : List.of(journalA, journalB)) {
			patches.addAll(journal.matching(entry -> entry.method().equals("PATCH") && entry.path().contains(digits)));
		}
		assertThat(patches).as("one carrier call for one change, from either portal").singleElement()
			.satisfies(patch -> assertThat(patch.body()).contains("Renamed once"));
	}

	/**
	 * Two portals started at the same moment on one empty database (migrations, sandbox seeding,
	 * demo users, provider accounts, db-scheduler's recurring tasks) both come up ready; three
	 * times, each on fresh schemas.
	 */
	@Test
	void twoPortalsStartedAtTheSameMomentOnAnEmptyDatabaseBothStart() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				Map<String, String> schemas = SecondPortal.freshSchemas();
				List<SecondPortal> started = new ArrayList<>();
				try {
					CyclicBarrier together = new CyclicBarrier(2);
					List<Future<SecondPortal>> starts = new ArrayList<>();
					for (int i = 0; i < 2; i++) {
						starts.add(threads.submit(() -> {
							together.await(30, TimeUnit.SECONDS);
							SecondPortal portal = SecondPortal.start(schemas);
							synchronized (started) {
								started.add(portal);
							}
							return portal;
						}));
					}
					for (Future<SecondPortal> start : starts) {
						SecondPortal portal = start.get(5, TimeUnit.MINUTES);
						HttpResponse<String> ready = PortalHttp.anonymous(portal.port()).get("/actuator/health/readiness");
						assertThat(ready.statusCode()).as("round " + round).isEqualTo(200);
						PortalHttp.signIn(portal.port(), "operator", "demo");
					}
					assertThat(jdbc.queryForObject("select count(*) from " + schemas.get("spring.flyway.schemas")
							+ ".users where username in ('admin', 'operator', 'viewer')", Integer.class)).isEqualTo(3);
				}
				finally {
					started.forEach(SecondPortal::close);
					SecondPortal.drop(jdbc, schemas);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	// ------------------------------------------------------------------ helpers

	private static HttpResponse<String> page(PortalHttp http, String path) {
		return http.send(http.request(path).header("Accept", "text/html").GET());
	}

	private static long listings(SandboxJournal journal) {
		return journal.matching(entry -> entry.method().equals("GET") && entry.path().endsWith("/activeNumbers")).size();
	}

	private ProviderAccount sinchAccount() {
		return accounts.all().stream().filter(account -> account.provider() == ProviderKind.SINCH).findFirst().orElseThrow();
	}

	/** A Sinch number of the mirror with no change under way (the mirror synced first if it is empty). */
	private long numberWithoutOpenChange() {
		ProviderAccount sinch = sinchAccount();
		if (jdbc.queryForObject("select count(*) from phone_numbers where provider_account_id = ?", Integer.class,
				sinch.id()) == 0) {
			portalB.bean(com.numberops.portal.sync.MirrorSync.class).syncAccount(sinch.id(),
					com.numberops.portal.sync.SyncTrigger.MANUAL, "test");
		}
		return jdbc.queryForObject("""
				select id from phone_numbers p
				where provider_account_id = ? and not exists (select 1 from open_changes c where c.phone_number_id = p.id)
				order by random() limit 1""", Long.class, sinch.id());
	}

	private String newOperator() {
		String username = "two-" + UUID.randomUUID().toString().substring(0, 8);
		asAdmin(() -> administration.create(new NewUser(username, username, Role.OPERATOR, PASSWORD, Set.of())));
		return username;
	}

	private long idOf(String username) {
		return asAdmin(() -> administration.users().stream().filter(user -> user.username().equals(username))
			.findFirst().orElseThrow().id());
	}

	private <T> T asAdmin(java.util.function.Supplier<T> call) {
		return SignedIn.during((PortalPrincipal) userDetails.loadUserByUsername("admin"), call);
	}
}
