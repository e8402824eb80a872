package com.numberops.portal.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the test schema when the context closes. Depending on the DataSource makes Spring
 * destroy this bean first, while connections can still be had. With
 * {@code -Dportal.test.keep-schema=true} it stays, named on the console, to look at a benchmark's
 * data and plans in psql afterwards (drop it by hand).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSchemaCleanup implements DisposableBean {

	private final JdbcTemplate jdbc;

	TestSchemaCleanup(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void destroy() {
		if (Boolean.getBoolean("portal.test.keep-schema")) {
			System.out.println("Kept the test schemas " + TestDatabase.SCHEMA + " and " + TestDatabase.SANDBOX_SCHEMA);
			return;
		}
		jdbc.execute("drop schema if exists " + TestDatabase.SCHEMA + " cascade");
		jdbc.execute("drop schema if exists " + TestDatabase.SANDBOX_SCHEMA + " cascade");
	}
}
