package com.numberops.portal.sandbox.flowroute;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Numbers that tests create at the simulated Flowroute for themselves (destructive tests never
 * touch seeded rows), and waiting on the sandbox without sleeping blindly.
 * Area codes 555 and 557 are never seeded; 556 numbers end in 0207, the sandbox's "message provisioning
 * always fails" hook.
 */
public final class FlowrouteSandboxRows {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private FlowrouteSandboxRows() {
	}

	/** A fresh 11-digit id under {@code prefix} (4 digits, e.g. "1555"), never handed out before. */
	public static String newId(String prefix) {
		return prefix + String.format("%07d", NEXT.incrementAndGet());
	}

	/** A fresh 7-digit prefix (area code 557) under which a test may add numbers xxxx of its own. */
	public static String newBlock() {
		return "1557" + String.format("%03d", NEXT.incrementAndGet() % 1000);
	}

	/** A fresh number whose message provisioning always fails (ends in 0207). */
	public static String alwaysFailingId() {
		return "1556" + String.format("%03d", NEXT.incrementAndGet() % 1000) + "0207";
	}

	public static String insert(JdbcClient jdbc, String id, String alias) {
		jdbc.sql("""
				insert into flowroute_numbers (id, alias, cnam_lookups_enabled, messaging_enabled, number_type, rate_center,
				                               state, iso_country, monthly_cost, setup_cost, inbound_rate, rate_type)
				values (?, ?, false, false, 'longcode', 'sttlwa0101', 'wa', 'US', 1.25, 1.00, 0.0120, 'local')""")
			.params(id, alias)
			.update();
		return id;
	}

	public static String insert(JdbcClient jdbc, String alias) {
		return insert(jdbc, newId("1555"), alias);
	}

	/** Polls {@code condition} until it holds; fails when {@code timeout} passed first. */
	public static void until(Duration timeout, String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Gave up after " + timeout + " waiting until " + what);
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting until " + what, interrupted);
			}
		}
	}
}
