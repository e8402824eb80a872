/**
 * Keeping the mirror in sync with the carriers: full syncs per provider account, single-number
 * refreshes (provisioning poll, webhooks), sync runs, and their schedules.
 */
@NullMarked
package com.numberops.portal.sync;

import org.jspecify.annotations.NullMarked;
