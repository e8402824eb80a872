package com.numberops.portal.numbers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Plans the rest of this transaction's statements for their actual values. After five executions
 * the JDBC driver's prepared statements may get a generic plan, which assumes an average
 * selectivity for "status = ?" and walks the number index filtering a rare status: 250 ms
 * instead of 3 ms at a million rows (the inventory benchmark found it); nor can a generic plan
 * prove a partial index usable. Set once per transaction: the worklist asks a dozen questions in
 * one, and each {@code set local} was a round trip of its own.
 */
final class CustomPlans {

	private CustomPlans() {
	}

	static void forThisTransaction(JdbcTemplate jdbc) {
		Object connection = jdbc.getDataSource() == null ? null
				: TransactionSynchronizationManager.getResource(jdbc.getDataSource());
		// keyed by the transaction's connection holder: a REQUIRES_NEW inside gets its own, and its own setting
		if (!(connection instanceof ConnectionHolder holder) || !TransactionSynchronizationManager.isSynchronizationActive()) {
			jdbc.execute("set local plan_cache_mode = force_custom_plan");
			return;
		}
		if (TransactionSynchronizationManager.hasResource(holder)) {
			return;
		}
		jdbc.execute("set local plan_cache_mode = force_custom_plan");
		TransactionSynchronizationManager.bindResource(holder, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(holder);
			}
		});
	}
}
