/**
 * Edits of numbers and their way to the carriers: every edit is checked by plain rules, recorded
 * with its event and, when a carrier owns the field, kept as a pending change (the outbox) in the
 * same transaction; a db-scheduler task pushes each one, follows scheduled provisioning, and
 * settles it. Bulk edits are batches of the same changes.
 */
@NullMarked
package com.numberops.portal.changes;

import org.jspecify.annotations.NullMarked;
