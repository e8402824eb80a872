package com.numberops.portal.sync;

/**
 * A full sync of one account ended (every page it reconciled is committed): what the mirror
 * holds may have moved a lot at once. The dashboard takes its daily snapshot then.
 *
 * @param succeeded every listing was walked (a failed run keeps what it reconciled)
 */
public record FullSyncFinished(long accountId, long runId, boolean succeeded) {
}
