package com.numberops.portal.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One throwaway schema per test JVM in the always-present {@code postgres} database: Flyway
 * creates it, {@link TestSchemaCleanup} drops it when the Spring context closes.
 */
public final class TestDatabase {

	public static final String SCHEMA = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	public static final String SANDBOX_SCHEMA = SCHEMA + "_sandbox";

	private static final String HOST = System.getenv().getOrDefault("PORTAL_TEST_DB_HOST", "localhost:5432");

	private TestDatabase() {
	}

	public static String url() {
		return "jdbc:postgresql://" + HOST + "/postgres?currentSchema=" + SCHEMA;
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		// tests always run on the sandbox, whatever carrier credentials the shell happens to hold
		registry.add("portal.providers.sinch.key-id", () -> "");
		registry.add("portal.providers.flowroute.access-key", () -> "");
		registry.add("portal.users.demo-password", () -> "demo");
		registry.add("portal.sandbox.schema", () -> SANDBOX_SCHEMA);
		// scheduled provisioning settles in well under a second, so tests wait on it cheaply
		registry.add("portal.sandbox.provisioning-waiting", () -> "200ms");
		registry.add("portal.sandbox.provisioning-in-progress", () -> "300ms");
		registry.add("portal.sandbox.hang-for", () -> "5s");
		// callback tests listen on localhost; 127.0.0.1 and every other host stay refused
		registry.add("portal.sandbox.callback-hosts", () -> "localhost");
		// a plan and a campaign only configuration gives the sandbox project (SinchUnknownPlansAndCampaignsTests)
		registry.add("portal.sandbox.sinch-service-plans", () -> "sp-configured-01");
		registry.add("portal.sandbox.sinch-campaigns", () -> "CCONF01");
		// changes follow provisioning and retry quickly, so tests wait on outcomes, not on backoff
		registry.add("portal.changes.provider-poll", () -> "150ms");
		registry.add("portal.changes.first-retry", () -> "200ms");
		registry.add("portal.changes.max-retry", () -> "1s");
		// no background syncs: tests run syncs themselves and count what they wrote
		registry.add("portal.sync.scheduled", () -> "false");
		// alert e-mails go to the JVM's own SMTP port, where AlertEmailTests listens with GreenMail
		registry.add("spring.mail.host", () -> TestMail.HOST);
		registry.add("spring.mail.port", () -> TestMail.PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
	}
}
