package com.numberops.portal.support;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drops the test schema when the context closes. Depending on the DataSource makes Spring
 * destroy this bean first, while connections can still be had.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSchemaCleanup implements DisposableBean {

	private final JdbcTemplate jdbc;

	TestSchemaCleanup(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void destroy() {
		jdbc.execute("drop schema if exists " + TestDatabase.SCHEMA + " cascade");
		jdbc.execute("drop schema if exists " + TestDatabase.SANDBOX_SCHEMA + " cascade");
	}
}
