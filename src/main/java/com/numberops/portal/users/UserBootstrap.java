package com.numberops.portal.users;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.numberops.portal.providers.ProvidersProperties;

/**
 * Makes sure somebody can sign in. In sandbox mode: the demo users and teams. Otherwise there is
 * no default password: the first admin comes from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD.
 */
@Component
class UserBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

	static final List<String> DEMO_TEAMS = List.of("Growth", "Retention", "Support");

	/**
	 * The key of the transaction-scoped advisory lock every instance's bootstrap takes first (any
	 * fixed number no other code locks on; this one spells "USERBOOT"): instances started together
	 * bootstrap one after the other, each seeing what the one before committed.
	 */
	static final long BOOTSTRAP_LOCK = 0x55534552424f4f54L;

	private final ProvidersProperties providers;

	private final UsersProperties properties;

	private final UserRegistry registry;

	private final Users users;

	private final Teams teams;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	UserBootstrap(ProvidersProperties providers, UsersProperties properties, UserRegistry registry, Users users,
			Teams teams, Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.providers = providers;
		this.properties = properties;
		this.registry = registry;
		this.users = users;
		this.teams = teams;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Before any scheduled job starts: a first sync already finds the demo teams. */
	@Override
	public void afterSingletonsInstantiated() {
		bootstrap();
	}

	/**
	 * One transaction under the bootstrap lock. Two portals started at the same moment on one
	 * database otherwise both read a demo user at one version and both save it (one died with an
	 * OptimisticLockingFailureException), or both find a team or the first admin missing and both
	 * insert it. With the lock the second waits, then reads (READ COMMITTED: each statement sees
	 * what committed before it) and saves what the first left.
	 */
	void bootstrap() {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query().singleRow();
			if (providers.sandboxMode()) {
				createDemoUsers();
			}
			else {
				createFirstAdmin();
			}
		});
	}

	private void createDemoUsers() {
		String password = properties.demoPassword();
		if (password.isBlank()) {
			throw new IllegalStateException("PORTAL_DEMO_PASSWORD must not be blank");
		}
		for (String team : DEMO_TEAMS) {
			if (!teams.existsByNameIgnoringCase(team)) {
				teams.save(Team.named(team, clock.instant()));
			}
		}
		registry.ensureFixture("admin", "Ada Admin", Role.ADMIN, password);
		registry.ensureFixture("operator", "Oscar Operator", Role.OPERATOR, password);
		registry.ensureFixture("viewer", "Vera Viewer", Role.VIEWER, password);
		boolean defaultPassword = password.equals("demo");
		log.info("""

				============================================================
				 Sandbox mode: no carrier credentials are set, so the portal
				 runs on its built-in sandbox. Demo users (password: {}):
				   admin     ADMIN     approves, releases, manages users
				   operator  OPERATOR  edits numbers, requests overrides
				   viewer    VIEWER    reads the dashboard and inventory
				============================================================""",
				defaultPassword ? "demo" : "from PORTAL_DEMO_PASSWORD");
	}

	private void createFirstAdmin() {
		String username = UserRegistry.normalizeUsername(properties.adminUsername());
		if (username.isEmpty()) {
			if (users.countByRoleAndEnabledTrue(Role.ADMIN) == 0) {
				log.warn("No admin exists and PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD are not set: nobody can manage users.");
			}
			return;
		}
		if (users.existsByUsername(username)) {
			return;
		}
		try {
			registry.create(new NewUser(username, username, Role.ADMIN, properties.adminPassword(), Set.of()));
		}
		catch (UserChangeRefused refused) {
			throw new IllegalStateException("PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD refused: " + refused.getMessage(), refused);
		}
		log.info("Created the first admin, {}, from PORTAL_ADMIN_USERNAME", username);
	}
}
