package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * Two portal instances started at the same moment on one database run the user bootstrap at the
 * same moment. Here its two runs start together from two threads, over and over, against the
 * test's one schema: neither may fail (before issue 18 one re-save of a demo user lost to the
 * other with an OptimisticLockingFailureException, and the instance died; two first admins collided
 * on the username), and the users come out as one run would leave them.
 */
class StartingTogetherTests extends PortalIntegrationTest {

	private static final int ROUNDS = 12;

	static ExecutorService threads;

	@Autowired
	UserBootstrap bootstrap;

	@Autowired
	Users users;

	@Autowired
	Teams teams;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UserRegistry registry;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeAll
	static void twoThreads() {
		threads = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	static void stop() {
		threads.shutdownNow();
	}

	@Test
	void twoInstancesRestoringTheDemoUsersAtOnceBothStart() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			// someone changed a demo password since: both starts restore it, and both find it to restore
			PortalUser viewer = users.findByUsername("viewer").orElseThrow();
			viewer.changePassword(encoder.encode("changed-in-between"), java.time.Instant.now());
			users.save(viewer);

			together(bootstrap::bootstrap, bootstrap::bootstrap);
		}
		for (String name : List.of("admin", "operator", "viewer")) {
			PortalUser user = users.findByUsername(name).orElseThrow();
			assertThat(encoder.matches("demo", user.getPasswordHash())).as(name).isTrue();
			assertThat(user.isEnabled()).as(name).isTrue();
		}
		for (String team : UserBootstrap.DEMO_TEAMS) {
			assertThat(teams.findAllByOrderByName()).filteredOn(t -> t.getName().equalsIgnoreCase(team)).hasSize(1);
		}
	}

	@Test
	void twoInstancesCreatingTheFirstAdminAtOnceBothStartAndMakeOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String admin = "first-admin-" + UUID.randomUUID().toString().substring(0, 8);
			UserBootstrap live = new UserBootstrap(StartupUsersTests.providers("key-id"),
					new UsersProperties("demo", admin, "a-strong-admin-password",
							new UsersProperties.Login(5, Duration.ofMinutes(15))),
					registry, users, teams, clock, jdbc, transactions);

			together(live::bootstrap, live::bootstrap);

			assertThat(users.findByUsername(admin)).hasValueSatisfying(user -> assertThat(user.getRole()).isEqualTo(Role.ADMIN));
		}
	}

	/** Runs both at the same moment; any failure of either fails the test with its cause. */
	static void together(Runnable one, Runnable other) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<?>> runs = new ArrayList<>();
		for (Runnable run : List.of(one, other)) {
			runs.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				run.run();
				return null;
			}));
		}
		for (Future<?> run : runs) {
			run.get(60, TimeUnit.SECONDS);
		}
	}
}
