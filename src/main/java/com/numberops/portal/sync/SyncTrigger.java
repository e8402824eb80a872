package com.numberops.portal.sync;

/** Why a sync run started. */
public enum SyncTrigger {
	SCHEDULED, MANUAL
}
