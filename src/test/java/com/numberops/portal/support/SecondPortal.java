package com.numberops.portal.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.numberops.portal.PortalApplication;

/**
 * Another whole portal instance in this JVM, on a random port, beside (or instead of) the shared
 * test context: what runs on a second machine behind the same load balancer. By default on the
 * shared test schemas; {@link #freshSchemas()} gives a pair of schemas nobody migrated yet, for
 * instances that must start together from nothing. Close it: it stops its scheduler and web server.
 */
public final class SecondPortal implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondPortal(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** The test's own settings (TestDatabase), on the shared schemas. */
	public static Map<String, String> sharedSchemaSettings() {
		Map<String, String> properties = new LinkedHashMap<>();
		TestDatabase.register((name, value) -> properties.put(name, String.valueOf(value.get())));
		properties.put("server.port", "0");
		return properties;
	}

	/** The test's settings on a new, empty pair of schemas (portal and sandbox); drop them with {@link #drop}. */
	public static Map<String, String> freshSchemas() {
		String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Map<String, String> properties = sharedSchemaSettings();
		properties.put("spring.datasource.url", TestDatabase.url().replace(TestDatabase.SCHEMA, schema));
		properties.put("spring.flyway.schemas", schema);
		properties.put("portal.sandbox.schema", schema + "_sandbox");
		// a small carrier fleet: these portals only have to start
		properties.put("portal.sandbox.size", "40");
		return properties;
	}

	/** Starts a portal with these settings; they win over application.yml, as the test's own do. */
	public static SecondPortal start(Map<String, String> properties) {
		String[] arguments = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		SpringApplication portal = new SpringApplicationBuilder(PortalApplication.class).build();
		// logging is the JVM's, set up once by the test's own context: two portals starting at once in
		// one JVM each re-initialised Logback, and one failed now and then ("Unable to find Spring
		// Environment in logger context"). Separate processes, as in production, have no such race.
		portal.setListeners(portal.getListeners()
			.stream()
			.filter(listener -> !(listener instanceof LoggingApplicationListener))
			.toList());
		return new SecondPortal(portal.run(arguments));
	}

	public int port() {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}

	/** Drops the schemas of {@link #freshSchemas()} settings, once the portals on them are closed. */
	public static void drop(JdbcTemplate jdbc, Map<String, String> properties) {
		jdbc.execute("drop schema if exists " + properties.get("spring.flyway.schemas") + " cascade");
		jdbc.execute("drop schema if exists " + properties.get("portal.sandbox.schema") + " cascade");
	}
}
