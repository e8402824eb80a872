package com.numberops.portal.sync.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.providers.ProviderAccount;

/**
 * One provider account on the Sync page: its newest runs, and whether a sync of it is under way
 * (running, or queued and not started yet). An active card polls for its next state.
 */
record AccountCard(ProviderAccount account, List<RunRow> runs, @Nullable RunRow running, boolean queued) {

	public boolean active() {
		return running != null || queued;
	}
}
