package com.numberops.portal.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A benchmark that starts the whole portal on schemas of its own (a large sandbox never meets the
 * shared test context's): {@code test_…_<suffix>} and its {@code _sandbox}, no scheduled syncs,
 * its connections named in pg_stat_activity. Import {@link Cleanup} to drop them when the context
 * closes.
 */
public final class BenchmarkSchema {

	private BenchmarkSchema() {
	}

	/** The portal's schema of a benchmark. */
	public static String of(String suffix) {
		return TestDatabase.SCHEMA + "_" + suffix;
	}

	/** Its sandbox's schema. */
	public static String sandboxOf(String suffix) {
		return of(suffix) + "_sandbox";
	}

	public static void register(DynamicPropertyRegistry registry, String suffix, String applicationName, int sandboxSize) {
		TestDatabase.register(registry);
		// later values of the same name win
		registry.add("spring.datasource.url",
				() -> TestDatabase.url().replace(TestDatabase.SCHEMA, of(suffix)) + "&ApplicationName=" + applicationName);
		registry.add("spring.flyway.schemas", () -> of(suffix));
		registry.add("portal.sandbox.schema", () -> sandboxOf(suffix));
		registry.add("portal.sandbox.size", () -> sandboxSize);
		registry.add("portal.sync.scheduled", () -> "false");
	}

	/**
	 * Drops the context's schema (its connections' current one) and its sandbox's when the context
	 * closes; {@code -Dportal.test.keep-schema=true} keeps them, as {@link TestSchemaCleanup} does.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Cleanup implements DisposableBean {

		private final JdbcTemplate jdbc;

		Cleanup(DataSource dataSource) {
			this.jdbc = new JdbcTemplate(dataSource);
		}

		@Override
		public void destroy() {
			String schema = jdbc.queryForObject("select current_schema()", String.class);
			if (Boolean.getBoolean("portal.test.keep-schema") || schema == null || !schema.startsWith(TestDatabase.SCHEMA)) {
				return;
			}
			jdbc.execute("drop schema if exists " + schema + " cascade");
			jdbc.execute("drop schema if exists " + schema + "_sandbox cascade");
		}
	}
}
